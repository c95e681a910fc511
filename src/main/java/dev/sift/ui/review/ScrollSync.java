package dev.sift.ui.review;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ScrollPane;

/** Keeps the vertical positions of scroll panes together, as a proportion of each one's range. */
final class ScrollSync {

    private final List<ScrollPane> panes = new ArrayList<>();
    private final List<ChangeListener<Number>> listeners = new ArrayList<>();
    private boolean moving;

    void add(ScrollPane pane) {
        ChangeListener<Number> listener = (obs, before, now) -> follow(pane);
        pane.vvalueProperty().addListener(listener);
        panes.add(pane);
        listeners.add(listener);
    }

    /** Stops following every pane added so far. */
    void clear() {
        for (int i = 0; i < panes.size(); i++) {
            panes.get(i).vvalueProperty().removeListener(listeners.get(i));
        }
        panes.clear();
        listeners.clear();
    }

    private void follow(ScrollPane leader) {
        if (moving) {
            return;
        }
        moving = true;
        try {
            double range = leader.getVmax() - leader.getVmin();
            double proportion = range <= 0 ? 0 : (leader.getVvalue() - leader.getVmin()) / range;
            for (ScrollPane other : panes) {
                if (other != leader) {
                    other.setVvalue(other.getVmin() + proportion * (other.getVmax() - other.getVmin()));
                }
            }
        } finally {
            moving = false;
        }
    }
}
