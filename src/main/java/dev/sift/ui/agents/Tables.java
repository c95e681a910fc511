package dev.sift.ui.agents;

import dev.sift.ui.common.Selections;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** Small builders the Agents panes share: text columns, two-way selection, buttons with accessible text. */
final class Tables {

    private Tables() {}

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        var column = new TableColumn<R, String>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        // narrow numeric columns keep their width so their headers stay readable when space is short
        column.setMinWidth(Math.min(width, 90));
        return column;
    }

    /** A table whose selection follows {@code selected} and reports the user's choice to {@code select}. */
    static <R> TableView<R> table(String id, String emptyText, ObservableList<R> rows, ObservableValue<R> selected,
            Consumer<R> select, Subscriptions subscriptions) {
        var table = new TableView<R>(rows);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var empty = new Label(emptyText);
        empty.getStyleClass().add(SiftStyles.MUTED);
        table.setPlaceholder(empty);
        subscriptions.listen(table.getSelectionModel().selectedItemProperty(), (obs, old, row) -> {
            if (row != null) {
                select.accept(row);
            }
        });
        subscriptions.listen(selected, (obs, old, row) -> showSelection(table, row));
        subscriptions.listen(rows, (ListChangeListener<R>) change -> showSelection(table, selected.getValue()));
        showSelection(table, selected.getValue());
        return table;
    }

    private static <R> void showSelection(TableView<R> table, R row) {
        Selections.show(table.getSelectionModel(), row);
    }

    static Button button(String text, String id, String accessibleText, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setAccessibleText(accessibleText);
        button.setOnAction(e -> action.run());
        return button;
    }

    /**
     * A titled bar with Add…, Edit… and Delete for a table of {@code noun}s (ids {@code add-<id>} etc.): Add needs
     * an open project, Edit and Delete a selected row.
     */
    static HBox editBar(String title, String noun, String id, ObservableBooleanValue hasProject,
            ObservableObjectValue<?> selected, Runnable add, Runnable edit, Runnable delete, Subscriptions subscriptions) {
        var label = new Label(title);
        label.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var addButton = button("Add…", "add-" + id, "Add an " + noun, add);
        subscriptions.bind(addButton.disableProperty(), Bindings.not(hasProject));
        var editButton = button("Edit…", "edit-" + id, "Edit the selected " + noun, edit);
        subscriptions.bind(editButton.disableProperty(), Bindings.isNull(selected));
        var deleteButton = button("Delete", "delete-" + id, "Delete the selected " + noun, delete);
        subscriptions.bind(deleteButton.disableProperty(), Bindings.isNull(selected));
        var bar = new HBox(8, label, addButton, editButton, deleteButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** A double click on a row of {@code table} edits it. */
    static void editOnDoubleClick(TableView<?> table, ObservableValue<?> selected, Runnable edit) {
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected.getValue() != null) {
                edit.run();
            }
        });
    }
}
