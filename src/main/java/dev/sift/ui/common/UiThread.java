package dev.sift.ui.common;

import javafx.application.Platform;

/**
 * The one place that hands work to the JavaFX application thread. Everything else in the
 * workbench calls this instead of {@link Platform} directly, so that threading stays auditable.
 */
public final class UiThread {

    private UiThread() {}

    /** Runs {@code action} on the FX thread: now when already on it, else as soon as possible. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Runs {@code action} on the FX thread after the events already queued there. */
    public static void later(Runnable action) {
        Platform.runLater(action);
    }

    public static boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }
}
