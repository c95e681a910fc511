package dev.sift.ui.common;

import javafx.scene.control.SelectionModel;

/** A list's or table's selection that follows a view model's selected row. */
public final class Selections {

    private Selections() {}

    /** Selects {@code row}, or nothing when it is null; leaves the selection alone when it is already the row. */
    public static <T> void show(SelectionModel<T> selection, T row) {
        if (row == null) {
            selection.clearSelection();
        } else if (!row.equals(selection.getSelectedItem())) {
            selection.select(row);
        }
    }
}
