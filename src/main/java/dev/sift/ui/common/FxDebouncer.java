package dev.sift.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} timed by the JavaFX animation clock; call it on the UI thread. */
public final class FxDebouncer implements Debouncer {

    /** How long typing must pause before a search runs. */
    public static final Duration SEARCH_DELAY = Duration.millis(250);

    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(Duration delay) {
        pause = new PauseTransition(delay);
        pause.setOnFinished(e -> {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        });
    }

    @Override
    public void call(Runnable action) {
        pending = action;
        pause.playFromStart();
    }

    @Override
    public void cancel() {
        pending = null;
        pause.stop();
    }
}
