package dev.sift.ui.datasets;

import dev.sift.core.model.DatasetFormat;
import dev.sift.ui.common.DialogButtons;
import dev.sift.ui.common.Subscriptions;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** The export options as a dialog; Export starts the job and closes the dialog. */
final class ExportDialog {

    static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private final ExportDialogViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Dialog<ButtonType> dialog = new Dialog<>();

    ExportDialog(Window owner, ExportDialogViewModel vm) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle("Export dataset");
        dialog.setHeaderText("Export to a training format");
        dialog.getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().setId("export-dialog");
        DialogButtons.confirming(dialog, EXPORT, "confirm-export", vm.validProperty(), vm::export, subscriptions);
    }

    private GridPane form() {
        var format = new ComboBox<DatasetFormat>();
        format.setId("export-format");
        format.getItems().setAll(vm.formats());
        format.setAccessibleText("Export format");
        subscriptions.bindBidirectional(format.valueProperty(), vm.formatProperty());

        var target = new TextField();
        target.setId("export-target");
        target.setPromptText("File to write");
        target.setAccessibleText("File to write");
        target.setPrefColumnCount(28);
        subscriptions.bindBidirectional(target.textProperty(), vm.targetProperty());
        var choose = new Button("Choose…");
        choose.setId("choose-export-target");
        choose.setAccessibleText("Choose the file to write");
        choose.setOnAction(e -> vm.chooseTarget());
        HBox.setHgrow(target, Priority.ALWAYS);

        var llama = new CheckBox("Also write a LLaMA-Factory dataset_info.json entry");
        llama.setId("export-llama-factory");
        subscriptions.bindBidirectional(llama.selectedProperty(), vm.llamaFactoryEntryProperty());
        var filter = new CheckBox(vm.filterDescription());
        filter.setId("export-apply-filter");
        filter.setDisable(!vm.hasFilter());
        subscriptions.bindBidirectional(filter.selectedProperty(), vm.applyFilterProperty());

        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("File"), new HBox(8, target, choose));
        grid.add(llama, 1, 2);
        grid.add(filter, 1, 3);
        return grid;
    }

    /** Shows the dialog and waits; the export (if any) keeps running in the background afterwards. */
    void showAndWait() {
        try {
            dialog.showAndWait();
        } finally {
            subscriptions.dispose();
            vm.dispose();
        }
    }
}
