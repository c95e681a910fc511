package dev.sift.ui.common;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable list of the row indexes {@code 0 … size-1}, holding no elements. Backs a virtualized
 * table whose cells read their data from a cache by index, so that 200k rows cost nothing until
 * they are shown. Changing the size replaces all rows in one change.
 */
public final class IndexList extends ObservableListBase<Integer> {

    private int size;

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }

    /** Replaces every row: listeners see all old rows removed and {@code newSize} rows added. */
    public void reset(int newSize) {
        int oldSize = size;
        size = newSize;
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, range(oldSize));
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    private static List<Integer> range(int n) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
