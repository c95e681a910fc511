package dev.sift.ui.datasets;

import dev.sift.ui.common.DialogButtons;
import dev.sift.ui.common.Subscriptions;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The compare options as a dialog; Compare starts the job and closes the dialog. */
final class CompareDialog {

    static final ButtonType COMPARE = new ButtonType("Compare", ButtonBar.ButtonData.OK_DONE);

    private final CompareDialogViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Dialog<ButtonType> dialog = new Dialog<>();

    CompareDialog(Window owner, CompareDialogViewModel vm) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Compare datasets");
        dialog.setHeaderText("Add other datasets' answers to the same instructions as candidates of \""
                + vm.base().name() + "\"");
        dialog.getDialogPane().getButtonTypes().setAll(COMPARE, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().setId("compare-dialog");
        DialogButtons.confirming(dialog, COMPARE, "confirm-compare", vm.validProperty(), vm::compare, subscriptions);
    }

    private VBox form() {
        var box = new VBox(8, new Label("Compare with"));
        for (CompareDialogViewModel.Choice choice : vm.choices()) {
            var check = new CheckBox(choice.dataset().name());
            check.setId("compare-with-" + choice.dataset().id());
            subscriptions.bindBidirectional(check.selectedProperty(), choice.picked());
            box.getChildren().add(check);
        }
        if (vm.choices().isEmpty()) {
            box.getChildren().add(new Label("Import another dataset to compare with first."));
        }
        var exact = new CheckBox("Exact match (otherwise case, width forms and white space are ignored)");
        exact.setId("compare-exact");
        subscriptions.bindBidirectional(exact.selectedProperty(), vm.exactProperty());
        box.getChildren().add(exact);
        return box;
    }

    /** Shows the dialog and waits; the comparison (if any) keeps running in the background afterwards. */
    void showAndWait() {
        try {
            dialog.showAndWait();
        } finally {
            subscriptions.dispose();
            vm.dispose();
        }
    }
}
