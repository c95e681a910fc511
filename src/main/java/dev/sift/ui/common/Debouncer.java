package dev.sift.ui.common;

/**
 * Runs an action once input has settled: each {@link #call} replaces the pending action and restarts
 * the wait. Used by view models for search fields; tests use {@link #immediate()}.
 */
public interface Debouncer {

    void call(Runnable action);

    /** Drops the pending action, if any. */
    void cancel();

    /** A debouncer that runs every action at once. */
    static Debouncer immediate() {
        return new Debouncer() {
            @Override
            public void call(Runnable action) {
                action.run();
            }

            @Override
            public void cancel() {}
        };
    }
}
