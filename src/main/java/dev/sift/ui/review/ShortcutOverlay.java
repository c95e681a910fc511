package dev.sift.ui.review;

import dev.sift.ui.common.View;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts of the review, shown over the screen by ? and closed by Esc. */
final class ShortcutOverlay implements View {

    /** Each key with what it does, in the order shown. */
    static final List<String[]> KEYS = List.of(
            new String[] {"1 – 6", "choose that candidate"},
            new String[] {"J / K", "next / previous sample"},
            new String[] {"E", "edit the shown candidate"},
            new String[] {"R", "reject the sample"},
            new String[] {"N", "note on the sample"},
            new String[] {"U or Ctrl+Z", "undo"},
            new String[] {"Ctrl+Shift+Z", "redo"},
            new String[] {"/ or Ctrl+F", "search"},
            new String[] {"Esc", "leave the search field, close this"},
            new String[] {"?", "show these shortcuts"});

    private final StackPane root = new StackPane();

    ShortcutOverlay() {
        var grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (String[] key : KEYS) {
            var keyLabel = new Label(key[0]);
            keyLabel.getStyleClass().add("sift-shortcut-key");
            grid.addRow(row++, keyLabel, new Label(key[1]));
        }
        var title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(dev.sift.ui.common.SiftStyles.SECTION_TITLE);
        var card = new VBox(12, title, grid, new Label("Esc closes"));
        card.getStyleClass().add("sift-shortcut-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.setId("shortcut-overlay");
        root.getStyleClass().add("sift-shortcut-overlay");
        root.setOnMouseClicked(e -> hide());
        hide();
    }

    void show() {
        root.setVisible(true);
    }

    void hide() {
        root.setVisible(false);
    }

    boolean isShowing() {
        return root.isVisible();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        root.setOnMouseClicked(null);
    }
}
