package dev.sift.cli;

/** The exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CANCELLED = 130;

    private ExitCodes() {}
}
