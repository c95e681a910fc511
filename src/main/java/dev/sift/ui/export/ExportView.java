package dev.sift.ui.export;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import dev.sift.ui.common.UiServices;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Export screen: dataset, what to export (the accepted decisions or all samples), format, target file and an
 * optional DPO pairs file; a preview of the first records exactly as they will be written; the Export button and a
 * line on the result. The work is in {@link ExportViewModel}.
 */
public final class ExportView extends SubscribedView {

    private final ExportViewModel vm;
    private final VBox root;

    public ExportView(WorkspaceState workspace, UiServices services) {
        this.vm = new ExportViewModel(workspace, services.jobs(), services.dialogs(), services.version());
        var title = new Label("Export");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);

        var dataset = new ComboBox<>(workspace.datasets());
        dataset.setId("export-dataset");
        dataset.setConverter(new Names<>(Dataset::name));
        var content = new ComboBox<ExportViewModel.Content>();
        content.getItems().setAll(ExportViewModel.Content.values());
        content.setId("export-content");
        var format = new ComboBox<DatasetFormat>();
        format.getItems().setAll(vm.formats());
        format.setId("export-format");
        format.setConverter(new Names<>(DatasetFormat::label));
        var target = new TextField();
        target.setId("export-target");
        target.setPromptText("the file to write");
        var chooseTarget = new Button("Choose…");
        chooseTarget.setId("export-choose-target");
        chooseTarget.setOnAction(e -> vm.chooseTarget());
        var pairs = new TextField();
        pairs.setId("export-pairs");
        pairs.setPromptText("optional: DPO preference pairs (JSON lines)");
        var choosePairs = new Button("Choose…");
        choosePairs.setId("export-choose-pairs");
        choosePairs.setOnAction(e -> vm.choosePairsTarget());

        var form = new GridPane();
        form.getStyleClass().add(SiftStyles.FORM);
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Dataset"), dataset);
        form.addRow(1, new Label("What"), content);
        form.addRow(2, new Label("Format"), format);
        form.addRow(3, new Label("File"), grow(target), chooseTarget);
        form.addRow(4, new Label("DPO pairs"), grow(pairs), choosePairs);

        var previewTitle = new Label("Preview: the first " + ExportViewModel.PREVIEW + " records as they will be written");
        previewTitle.getStyleClass().add(SiftStyles.MUTED);
        var preview = new TextArea();
        preview.setId("export-preview");
        preview.setEditable(false);
        preview.setWrapText(true); // long responses read without scrolling sideways
        preview.getStyleClass().add(SiftStyles.DETAIL_TEXT);
        VBox.setVgrow(preview, Priority.ALWAYS);

        var export = new Button("Export");
        export.setId("export-run");
        export.setDefaultButton(true);
        export.setOnAction(e -> vm.export());
        var result = new Label();
        result.setId("export-result");
        result.setWrapText(true);
        var actions = new HBox(12, export, result);

        root = new VBox(10, title, form, previewTitle, preview, actions);
        root.setPadding(new Insets(12));

        subscriptions.bindBidirectional(dataset.valueProperty(), vm.datasetProperty());
        subscriptions.bindBidirectional(content.valueProperty(), vm.contentProperty());
        subscriptions.bindBidirectional(format.valueProperty(), vm.formatProperty());
        subscriptions.bindBidirectional(target.textProperty(), vm.targetProperty());
        subscriptions.bindBidirectional(pairs.textProperty(), vm.pairsTargetProperty());
        subscriptions.bind(preview.textProperty(), vm.previewProperty());
        subscriptions.bind(result.textProperty(), vm.resultProperty());
        var allSamples = Bindings.equal(vm.contentProperty(), ExportViewModel.Content.ALL);
        subscriptions.bind(pairs.disableProperty(), allSamples);
        subscriptions.bind(choosePairs.disableProperty(), allSamples);
        subscriptions.bind(export.disableProperty(), vm.runningProperty());
        subscriptions.onDispose(vm::dispose);
        vm.refreshPreview();
    }

    private static TextField grow(TextField field) {
        GridPane.setHgrow(field, Priority.ALWAYS);
        field.setPrefColumnCount(40);
        return field;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Shows items by a name. */
    private static final class Names<T> extends StringConverter<T> {
        private final java.util.function.Function<T, String> name;

        Names(java.util.function.Function<T, String> name) {
            this.name = name;
        }

        @Override
        public String toString(T item) {
            return item == null ? "" : name.apply(item);
        }

        @Override
        public T fromString(String text) {
            return null;
        }
    }
}
