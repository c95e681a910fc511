package dev.sift.ui.datasets;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The project's datasets, each with its format, samples, exact duplicates skipped and import time. */
final class DatasetListPane implements View {

    private final DatasetsViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ListView<DatasetRow> table = new ListView<>();
    private final VBox root;

    DatasetListPane(DatasetsViewModel vm) {
        this.vm = vm;
        table.setId("dataset-list");
        table.setItems(vm.datasets());
        table.setCellFactory(list -> new DatasetCell());
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
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (!row.equals(table.getSelectionModel().getSelectedItem())) {
            table.getSelectionModel().select(row);
        }
    }

    /** The name, then format and samples, then exact duplicates skipped and import time. */
    private static final class DatasetCell extends ListCell<DatasetRow> {
        private final Label name = new Label();
        private final Label facts = new Label();
        private final Label provenance = new Label();
        private final VBox box = new VBox(2, name, facts, provenance);

        DatasetCell() {
            name.getStyleClass().add(SiftStyles.STAT_VALUE);
            facts.getStyleClass().add(SiftStyles.MUTED);
            provenance.getStyleClass().add(SiftStyles.MUTED);
            setPrefWidth(0); // fit the list width; long lines are ellipsized
        }

        @Override
        protected void updateItem(DatasetRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(row.name());
            facts.setText(String.format("%s · %,d samples", row.format(), row.samples()));
            provenance.setText(String.format("%,d duplicates skipped · %s", row.duplicatesSkipped(), row.importedAt()));
            setAccessibleText(row.name() + ", " + facts.getText() + ", " + provenance.getText());
            setGraphic(box);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
