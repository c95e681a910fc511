package dev.sift.ui.review;

import dev.sift.core.review.CandidateDetail;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.UiThread;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** {@link ReviewDialogs} as JavaFX dialogs: Ctrl+Enter saves, Esc cancels. */
final class FxReviewDialogs implements ReviewDialogs {

    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final Supplier<Window> owner;

    FxReviewDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<EditedText> edit(long sampleId, CandidateDetail shown) {
        var instruction = area("review-edit-instruction", shown.instruction(), 3);
        var input = area("review-edit-input", shown.input(), 2);
        var response = area("review-edit-response", shown.response(), 10);
        VBox.setVgrow(response, Priority.ALWAYS);
        var content = new VBox(6, new Label("Instruction"), instruction, new Label("Input"), input,
                new Label("Response"), response, hint());
        Dialog<EditedText> dialog = dialog("Edit sample " + sampleId, content);
        dialog.setResultConverter(button -> button == SAVE
                ? new EditedText(instruction.getText(), input.getText(), response.getText()) : null);
        UiThread.later(response::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> note(long sampleId, String current) {
        var text = area("review-note-text", current, 4);
        var content = new VBox(6, new Label("Note (empty clears it)"), text, hint());
        Dialog<String> dialog = dialog("Note on sample " + sampleId, content);
        dialog.setResultConverter(button -> button == SAVE ? text.getText().strip() : null);
        UiThread.later(text::requestFocus);
        return dialog.showAndWait();
    }

    private static Label hint() {
        var hint = new Label("Ctrl+Enter saves · Esc cancels");
        hint.getStyleClass().add(SiftStyles.MUTED);
        return hint;
    }

    private <R> Dialog<R> dialog(String title, VBox content) {
        var dialog = new Dialog<R>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("review-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                var save = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(SAVE);
                save.fire();
            }
        });
        return dialog;
    }

    private static TextArea area(String id, String text, int rows) {
        var area = new TextArea(text);
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }
}
