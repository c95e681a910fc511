package dev.sift.ui.review;

import dev.sift.core.store.ReviewRows;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An order of the review table: a column and a direction. Sorting works over the {@code int[]} view with primitive
 * keys and a stable merge sort, so 200k rows sort in milliseconds; rows without a value (NaN) always come last.
 *
 * @param column {@code sample}, {@code state}, {@code by}, {@code origin}, {@code candidates} or a score column key
 */
public record ReviewSort(String column, boolean ascending) {

    public static final String SAMPLE = "sample";
    public static final String STATE = "state";
    public static final String MAKER = "by";
    public static final String ORIGIN = "origin";
    public static final String CANDIDATES = "candidates";

    public ReviewSort {
        Objects.requireNonNull(column, "column");
    }

    /** The natural order: ascending sample id. */
    public static ReviewSort natural() {
        return new ReviewSort(SAMPLE, true);
    }

    /** The rows of {@code view} in this order, as a new array. */
    public int[] apply(ReviewRows rows, int[] view) {
        int scoreColumn = rows.column(column);
        double[] keys = new double[view.length];
        for (int i = 0; i < view.length; i++) {
            keys[i] = key(rows, view[i], scoreColumn);
        }
        int[] finite = new int[view.length];
        int[] missing = new int[view.length];
        int nf = 0;
        int nm = 0;
        for (int i = 0; i < view.length; i++) {
            if (Double.isNaN(keys[i])) {
                missing[nm++] = i;
            } else {
                keys[i] = ascending ? keys[i] : -keys[i];
                finite[nf++] = i;
            }
        }
        int[] order = Arrays.copyOf(finite, nf);
        mergeSort(order, new int[nf], keys, 0, nf);
        int[] out = new int[view.length];
        for (int i = 0; i < nf; i++) {
            out[i] = view[order[i]];
        }
        for (int i = 0; i < nm; i++) {
            out[nf + i] = view[missing[i]];
        }
        return out;
    }

    private double key(ReviewRows rows, int row, int scoreColumn) {
        return switch (column.toLowerCase(Locale.ROOT)) {
            case SAMPLE -> rows.sampleId(row);
            case STATE -> rows.state(row).ordinal();
            case MAKER -> rows.maker(row).ordinal();
            case ORIGIN -> rows.shownOrigin(row).ordinal();
            case CANDIDATES -> rows.candidateCount(row);
            default -> scoreColumn < 0 ? Double.NaN : rows.score(scoreColumn, row);
        };
    }

    /** Stable merge sort of positions by their keys, primitive all the way. */
    private static void mergeSort(int[] a, int[] tmp, double[] keys, int from, int to) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && keys[a[j]] > keys[v]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, keys, from, mid);
        mergeSort(a, tmp, keys, mid, to);
        if (keys[a[mid - 1]] <= keys[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && keys[tmp[i]] <= keys[tmp[j]])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
