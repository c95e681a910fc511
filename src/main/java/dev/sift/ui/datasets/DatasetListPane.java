package dev.sift.ui.datasets;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The project's datasets: name, format, samples, duplicates skipped, import time. */
final class DatasetListPane implements View {

    private final DatasetsViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final TableView<DatasetRow> table = new TableView<>();
    private final VBox root;

    DatasetListPane(DatasetsViewModel vm) {
        this.vm = vm;
        table.setId("dataset-table");
        table.setItems(vm.datasets());
        table.getColumns().add(column("Name", DatasetRow::name, 150));
        table.getColumns().add(column("Format", DatasetRow::format, 100));
        table.getColumns().add(column("Samples", r -> String.format("%,d", r.samples()), 70));
        table.getColumns().add(column("Dupes skipped", r -> String.format("%,d", r.duplicatesSkipped()), 90));
        table.getColumns().add(column("Imported", DatasetRow::importedAt, 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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

    private static TableColumn<DatasetRow, String> column(String name, Function<DatasetRow, String> value, double width) {
        var column = new TableColumn<DatasetRow, String>(name);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        column.setPrefWidth(width);
        return column;
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
