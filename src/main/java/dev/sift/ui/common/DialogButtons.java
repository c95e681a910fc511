package dev.sift.ui.common;

import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/** The confirming button of a form dialog: enabled while the form is valid, and the dialog stays open when its action refuses. */
public final class DialogButtons {

    private DialogButtons() {}

    /**
     * Gives {@code type}'s button the id {@code id}, disables it while {@code valid} is false (when given), and runs
     * {@code action} when it is pressed; the dialog closes only when the action returns true.
     */
    public static Button confirming(Dialog<?> dialog, ButtonType type, String id, ObservableBooleanValue valid,
            BooleanSupplier action, Subscriptions subscriptions) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.setId(id);
        if (valid != null) {
            subscriptions.bind(button.disableProperty(), javafx.beans.binding.Bindings.not(valid));
        }
        button.addEventFilter(ActionEvent.ACTION, e -> {
            if (!action.getAsBoolean()) {
                e.consume(); // keep the dialog open; the form says why
            }
        });
        return button;
    }
}
