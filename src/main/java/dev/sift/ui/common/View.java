package dev.sift.ui.common;

import javafx.scene.Node;

/** A screen or component built in code. Its owner calls {@link #dispose()} when it is detached. */
public interface View {

    Node node();

    /** Releases every listener and binding the view and its view model hold. Idempotent. */
    void dispose();
}
