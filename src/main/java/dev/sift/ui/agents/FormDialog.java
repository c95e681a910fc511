package dev.sift.ui.agents;

import dev.sift.ui.common.DialogButtons;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A modal form with Save and Cancel. Save asks the form's view model to save; when it refuses, the
 * dialog stays open and its error text (bound here) says why.
 */
final class FormDialog {

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();

    FormDialog(Window owner, String title, String id, Node form, ObservableStringValue error, BooleanSupplier save,
            Subscriptions subscriptions) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        var errorLabel = new Label();
        errorLabel.setId(id + "-error");
        errorLabel.setWrapText(true);
        errorLabel.setMaxWidth(520);
        errorLabel.getStyleClass().add(SiftStyles.FORM_ERROR);
        subscriptions.bind(errorLabel.textProperty(), error);
        subscriptions.listen(error, (obs, old, text) -> fitWindow());
        var content = new VBox(12, form, errorLabel);
        content.getStyleClass().add(SiftStyles.FORM);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id + "-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Button saveButton = DialogButtons.confirming(dialog, SAVE, "save-" + id, null, save, subscriptions);
        saveButton.setAccessibleText("Save the " + id);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("cancel-" + id);
    }

    private void fitWindow() {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().applyCss();
            dialog.getDialogPane().layout();
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** Shows the dialog and waits until it is saved or cancelled. */
    void showAndWait() {
        dialog.showAndWait();
    }
}
