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
        long[] packed = new long[view.length];
        int[] missing = new int[view.length];
        int nf = 0;
        int nm = 0;
        for (int i = 0; i < view.length; i++) {
            double k = key(rows, view[i], scoreColumn);
            if (Double.isNaN(k)) {
                missing[nm++] = view[i];
            } else {
                keys[i] = ascending ? k : -k;
                packed[nf++] = ((long) sortable((float) keys[i]) << 32) | i;
            }
        }
        // Sorting (float key, position) pairs packed in longs is a primitive sort and keeps equal keys in view
        // order; runs whose float keys tie are then put in exact double order.
        Arrays.sort(packed, 0, nf);
        int[] order = new int[nf];
        for (int i = 0; i < nf; i++) {
            order[i] = (int) packed[i];
        }
        refineTies(order, packed, keys);
        int[] out = new int[view.length];
        for (int i = 0; i < nf; i++) {
            out[i] = view[order[i]];
        }
        System.arraycopy(missing, 0, out, nf, nm);
        return out;
    }

    /** An int whose signed order is the float's order. */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private static void refineTies(int[] order, long[] packed, double[] keys) {
        int start = 0;
        for (int i = 1; i <= order.length; i++) {
            if (i == order.length || (packed[i] >> 32) != (packed[start] >> 32)) {
                if (i - start > 1) {
                    insertionSort(order, keys, start, i);
                }
                start = i;
            }
        }
    }

    /** Stable: only strictly smaller keys move ahead. */
    private static void insertionSort(int[] a, double[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && keys[a[j]] > keys[v]) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
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
}
