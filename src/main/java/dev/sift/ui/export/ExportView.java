package dev.sift.ui.export;

import dev.sift.ui.common.PlaceholderView;
import dev.sift.ui.common.View;
import javafx.scene.Node;

/** The Export screen; not built yet, so it says what it will do. */
public final class ExportView implements View {

    static final String PURPOSE = "Export will write the curated dataset (the accepted decisions) in a training format with a manifest, with filters and a preview, and optionally preference pairs built from your review. Until then, export a dataset from the Datasets screen.";

    private final PlaceholderView placeholder = new PlaceholderView("Export", PURPOSE);

    @Override
    public Node node() {
        return placeholder.node();
    }

    @Override
    public void dispose() {
        placeholder.dispose();
    }
}
