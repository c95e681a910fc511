package dev.sift.ui.datasets;

import dev.sift.ui.common.FactsCell;
import dev.sift.ui.common.Selections;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The project's datasets, each with its format, samples, exact duplicates skipped and import time. */
final class DatasetListPane extends SubscribedView {

    private final DatasetsViewModel vm;
    private final ListView<DatasetRow> table = new ListView<>();
    private final VBox root;

    DatasetListPane(DatasetsViewModel vm) {
        this.vm = vm;
        table.setId("dataset-list");
        table.setItems(vm.datasets());
        table.setCellFactory(list -> new FactsCell<>(DatasetRow::name,
                row -> String.format("%s · %,d samples", row.format(), row.samples()),
                row -> String.format("%,d duplicates skipped · %s", row.duplicatesSkipped(), row.importedAt())));
        var empty = new Label("No datasets yet.\nImport a file, or drop one here.");
        empty.getStyleClass().add(SiftStyles.MUTED);
        table.setPlaceholder(empty);
        var title = new Label("Datasets");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, title, table);
        bind();
    }

    private void bind() {
        subscriptions.listen(table.getSelectionModel().selectedItemProperty(), (obs, old, row) -> vm.select(row));
        subscriptions.listen(vm.selectedProperty(), (obs, old, row) -> showSelection(row));
        subscriptions.listen(vm.datasets(), change -> showSelection(vm.selectedProperty().get()));
        showSelection(vm.selectedProperty().get());
    }

    private void showSelection(DatasetRow row) {
        Selections.show(table.getSelectionModel(), row);
    }

    @Override
    public Node node() {
        return root;
    }
}
