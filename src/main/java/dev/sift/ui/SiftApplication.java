package dev.sift.ui;

/** The workbench entry point. */
public final class SiftApplication {

    private SiftApplication() {}

    /** Launches the workbench and returns when its window is closed. */
    public static void start(String[] args) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
