package dev.sift.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Runs an action on the UI thread every {@code period} until stopped, timed by the JavaFX animation clock. */
public final class FxRepeater {

    private final Timeline timeline;

    public FxRepeater(Duration period, Runnable action) {
        timeline = new Timeline(new KeyFrame(period, e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }
}
