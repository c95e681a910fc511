package dev.sift.ui.review;

import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ScoreColumn;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The review's master table. Its items are view positions only: row facts come from the view model's columnar rows,
 * texts from its page cache, so 200k rows scroll smoothly. Sorting a column asks the view model to sort its view.
 */
final class ReviewTable extends SubscribedView {

    private final ReviewViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final int fixedColumns;
    private boolean syncing;

    ReviewTable(ReviewViewModel vm) {
        this.vm = vm;
        table.setId("review-table");
        table.setItems(vm.rows());
        table.setFixedCellSize(28);
        table.getStyleClass().add("sift-review-table");
        table.getColumns().add(rowColumn("#", ReviewSort.SAMPLE, (rows, r) -> Long.toString(rows.sampleId(r)), 60));
        table.getColumns().add(textColumn("Instruction", ReviewTexts.RowText::instruction, 260));
        table.getColumns().add(textColumn("Response", ReviewTexts.RowText::response, 260));
        table.getColumns().add(rowColumn("State", ReviewSort.STATE, (rows, r) -> rows.state(r).id(), 90));
        table.getColumns().add(rowColumn("By", ReviewSort.MAKER, (rows, r) -> maker(rows.maker(r)), 85));
        table.getColumns().add(rowColumn("Origin", ReviewSort.ORIGIN, (rows, r) -> rows.shownOrigin(r).id()
                + (rows.shownPair(r) != 0 ? " · " + vm.pairName(rows.shownPair(r)) : ""), 100));
        table.getColumns().add(rowColumn("Cands", ReviewSort.CANDIDATES,
                (rows, r) -> Integer.toString(rows.candidateCount(r)), 55));
        fixedColumns = table.getColumns().size();
        table.getColumns().add(noteColumn());
        var empty = new Label("No samples match.");
        empty.getStyleClass().add(SiftStyles.MUTED);
        table.setPlaceholder(empty);
        table.setSortPolicy(t -> {
            sortChanged();
            return true;
        });
        scoreColumns();
        subscriptions.listen(vm.columns(), change -> scoreColumns());
        subscriptions.listen(vm.textsVersionProperty(), (obs, old, now) -> table.refresh());
        subscriptions.listen(vm.currentProperty(), (obs, old, now) -> showCurrent(now.intValue()));
        subscriptions.listen(table.getSelectionModel().selectedIndexProperty(), (obs, old, now) -> {
            if (!syncing && now.intValue() >= 0) {
                vm.select(now.intValue());
            }
        });
        showCurrent(vm.currentProperty().get());
    }

    /** A row fact, in the form a formatter gives it. */
    @FunctionalInterface
    private interface RowFact {
        String of(ReviewRows rows, int row);
    }

    private TableColumn<Integer, String> rowColumn(String name, String key, RowFact fact, double width) {
        var column = new TableColumn<Integer, String>(name);
        column.setUserData(key);
        column.setPrefWidth(width);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(fact(cd.getValue(), fact)));
        return column;
    }

    private String fact(int position, RowFact fact) {
        ReviewRows rows = vm.data();
        return rows == null || position >= vm.rows().size() ? "" : fact.of(rows, vm.rowAt(position));
    }

    private TableColumn<Integer, String> textColumn(String name, Function<ReviewTexts.RowText, String> text,
            double width) {
        var column = new TableColumn<Integer, String>(name);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(vm.textAt(cd.getValue()).map(text).orElse("…")));
        return column;
    }

    private TableColumn<Integer, String> noteColumn() {
        var column = rowColumn("Note", "note", (rows, r) -> rows.hasNote(r) ? "✎" : "", 45);
        column.setSortable(false);
        return column;
    }

    private void scoreColumns() {
        table.getColumns().remove(fixedColumns, table.getColumns().size() - 1);
        int at = fixedColumns;
        for (ScoreColumn c : vm.columns()) {
            String key = c.key();
            ToIntFunction<ReviewRows> index = rows -> rows.column(key);
            table.getColumns().add(at++, rowColumn(key, key, (rows, r) -> score(rows, index.applyAsInt(rows), r), 75));
        }
    }

    private static String score(ReviewRows rows, int column, int row) {
        double v = column < 0 ? Double.NaN : rows.score(column, row);
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String maker(ReviewRows.Maker maker) {
        return maker == ReviewRows.Maker.NONE ? "" : maker.name().toLowerCase(Locale.ROOT);
    }

    private void sortChanged() {
        if (table.getSortOrder().isEmpty()) {
            vm.sortProperty().set(ReviewSort.natural());
            return;
        }
        TableColumn<Integer, ?> column = table.getSortOrder().get(0);
        vm.sortProperty().set(new ReviewSort((String) column.getUserData(),
                column.getSortType() == TableColumn.SortType.ASCENDING));
    }

    private void showCurrent(int position) {
        syncing = true;
        try {
            if (position < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            table.getSelectionModel().clearAndSelect(position);
            table.getFocusModel().focus(position);
            var flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            if (flow == null || flow.getFirstVisibleCell() == null
                    || position <= flow.getFirstVisibleCell().getIndex()
                    || position >= flow.getLastVisibleCell().getIndex()) {
                table.scrollTo(Math.max(0, position - 2));
            }
        } finally {
            syncing = false;
        }
    }

    TableView<Integer> table() {
        return table;
    }

    @Override
    public Node node() {
        return table;
    }
}
