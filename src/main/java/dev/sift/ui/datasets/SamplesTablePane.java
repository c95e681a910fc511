package dev.sift.ui.datasets;

import dev.sift.core.model.Sample;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The virtualized sample table. Its items are row indexes only; each visible cell reads its sample
 * from the view model's page cache, so the table stays smooth with hundreds of thousands of rows.
 */
final class SamplesTablePane extends SubscribedView {

    private final SamplesViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final TextField filter = new TextField();
    private final VBox root;

    SamplesTablePane(SamplesViewModel vm) {
        this.vm = vm;
        table.setId("sample-table");
        table.setItems(vm.rows());
        table.setFixedCellSize(28);
        table.getColumns().add(column("#", s -> Integer.toString(s.recordIndex() + 1), 60));
        table.getColumns().add(column("Instruction", s -> DatasetText.oneLine(s.content().instruction()), 280));
        table.getColumns().add(column("Input", s -> DatasetText.oneLine(s.content().input()), 130));
        table.getColumns().add(column("Output", s -> DatasetText.oneLine(s.content().output()), 280));
        table.getColumns().add(column("Turns", s -> Integer.toString(Math.max(1, s.content().messages().size())), 55));
        table.getColumns().add(column("Chars", s -> String.format("%,d", s.content().characterCount()), 65));
        table.getColumns().add(column("Category", s -> s.content().category(), 110));
        var empty = new Label("No samples to show.");
        empty.getStyleClass().add(SiftStyles.MUTED);
        table.setPlaceholder(empty);

        filter.setId("sample-filter");
        filter.setPromptText("Filter samples (full text)…");
        filter.setAccessibleText("Filter samples by text");
        HBox.setHgrow(filter, Priority.ALWAYS);
        var summary = new Label();
        summary.setId("sample-summary");
        summary.getStyleClass().add(SiftStyles.MUTED);
        summary.setMinWidth(Label.USE_PREF_SIZE);
        subscriptions.bind(summary.textProperty(), vm.summaryProperty());
        var top = new HBox(12, filter, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, top, table);
        bind();
    }

    private void bind() {
        filter.setText(vm.filterTextProperty().get());
        subscriptions.bindBidirectional(filter.textProperty(), vm.filterTextProperty());
        subscriptions.listen(table.getSelectionModel().selectedIndexProperty(),
                (obs, old, index) -> vm.select(index.intValue()));
    }

    private TableColumn<Integer, String> column(String name, Function<Sample, String> value, double width) {
        var column = new TableColumn<Integer, String>(name);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                vm.sampleAt(cd.getValue()).map(value).orElse("")));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    @Override
    public Node node() {
        return root;
    }
}
