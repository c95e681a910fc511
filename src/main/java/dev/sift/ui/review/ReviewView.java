package dev.sift.ui.review;

import dev.sift.ui.common.PlaceholderView;
import dev.sift.ui.common.View;
import javafx.scene.Node;

/** The Review screen; not built yet, so it says what it will do. */
public final class ReviewView implements View {

    static final String PURPOSE = "Review will list samples with their chosen candidate and scores, show all candidates of a sample side by side with their differences from the original, and let you choose, edit, reject and undo from the keyboard.";

    private final PlaceholderView placeholder = new PlaceholderView("Review", PURPOSE);

    @Override
    public Node node() {
        return placeholder.node();
    }

    @Override
    public void dispose() {
        placeholder.dispose();
    }
}
