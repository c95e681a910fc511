package dev.sift.cli;

/** The command-line entry point. */
public final class SiftCli {

    private SiftCli() {}

    /** Runs one command and returns its exit code: 0 ok, 1 failed, 2 usage, 130 cancelled. */
    public static int run(String[] args) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
