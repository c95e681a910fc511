package dev.sift.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen that is not built yet: it says what it will do, and nothing else. */
public final class PlaceholderView implements View {

    private final VBox root;

    public PlaceholderView(String title, String purpose) {
        var heading = new Label(title);
        heading.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var text = new Label(purpose);
        text.setWrapText(true);
        text.setMaxWidth(560);
        var status = new Label("This screen is not built yet.");
        status.getStyleClass().add(SiftStyles.MUTED);
        root = new VBox(12, heading, text, status);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add(SiftStyles.PLACEHOLDER);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {}
}
