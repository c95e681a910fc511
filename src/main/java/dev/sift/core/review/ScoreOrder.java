package dev.sift.core.review;

import dev.sift.core.store.ReviewRows;
import java.util.Arrays;

/**
 * Orders review rows by a score column without boxing: each row becomes one {@code long} of its score's sortable
 * float bits and its row number, so a million rows sort as primitives. Rows without the score come last; ties keep
 * row order. Float precision (24 bits) is plenty to order scores on screen.
 */
public final class ScoreOrder {

    private ScoreOrder() {}

    /** The rows of {@code view} ordered by the column's score, ascending or descending. */
    public static int[] sort(ReviewRows rows, int column, int[] view, boolean ascending) {
        long[] keys = new long[view.length];
        for (int i = 0; i < view.length; i++) {
            double v = rows.score(column, view[i]);
            int bits;
            if (Double.isNaN(v)) {
                bits = Integer.MAX_VALUE;
            } else {
                int raw = Float.floatToIntBits((float) (ascending ? v : -v));
                bits = raw < 0 ? Integer.MIN_VALUE - raw - 1 : raw;
                bits = Math.min(bits, Integer.MAX_VALUE - 1);
            }
            keys[i] = ((long) bits << 32) | (view[i] & 0xffffffffL);
        }
        Arrays.sort(keys);
        int[] out = new int[view.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }
}
