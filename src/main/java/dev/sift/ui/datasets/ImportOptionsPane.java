package dev.sift.ui.datasets;

import dev.sift.ui.common.BoundFields;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Inline options for a pending import: format, dataset name, CSV columns; Import or Cancel. */
final class ImportOptionsPane extends SubscribedView {

    private final VBox root;

    ImportOptionsPane(ImportOptionsViewModel options, Runnable confirm, Runnable cancel) {
        var title = new Label("Import " + options.description());
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);

        var format = new ComboBox<FormatChoice>();
        format.setId("import-format");
        format.getItems().setAll(options.formats());
        format.setAccessibleText("Dataset format");
        subscriptions.bindBidirectional(format.valueProperty(), options.formatProperty());
        var name = field("import-name", "Dataset name", options.nameProperty());
        name.setDisable(!options.isSingleFile());
        if (!options.isSingleFile()) {
            name.setPromptText("each file is named after itself");
        }
        var main = new HBox(8, new Label("Format"), format, new Label("Name"), name);
        main.setAlignment(Pos.CENTER_LEFT);

        var csv = new GridPane();
        csv.setHgap(8);
        csv.setVgap(6);
        csv.addRow(0, new Label("CSV columns:"),
                new Label("instruction"), field("csv-instruction", "instruction column", options.instructionColumnProperty()),
                new Label("input"), field("csv-input", "input column", options.inputColumnProperty()),
                new Label("output"), field("csv-output", "output column", options.outputColumnProperty()));
        csv.addRow(1, new Label(""),
                new Label("system"), field("csv-system", "system column", options.systemColumnProperty()),
                new Label("category"), field("csv-category", "category column", options.categoryColumnProperty()));
        subscriptions.bind(csv.visibleProperty(), options.csvProperty());
        subscriptions.bind(csv.managedProperty(), options.csvProperty());

        var importButton = new Button("Import");
        importButton.setId("confirm-import");
        importButton.setDefaultButton(true);
        importButton.setOnAction(e -> confirm.run());
        subscriptions.bind(importButton.disableProperty(), Bindings.not(options.validProperty()));
        var cancelButton = new Button("Cancel");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> cancel.run());
        var buttons = new HBox(8, importButton, cancelButton);

        root = new VBox(10, title, main, csv, buttons);
        root.getStyleClass().addAll(SiftStyles.CARD, SiftStyles.IMPORT_OPTIONS);
    }

    private TextField field(String id, String accessibleText, StringProperty property) {
        return BoundFields.text(id, accessibleText, property, 12, subscriptions);
    }

    @Override
    public Node node() {
        return root;
    }
}
