package dev.sift.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A histogram of real values (scores, ratios) with equal-width bins from the smallest to the largest finite value.
 * Values that are NaN or infinite (a skipped sample's score) are not binned but counted in {@link #nonFinite}.
 *
 * @param finite how many values are finite, i.e. the sum of the bins' counts
 * @param nonFinite how many values are NaN or infinite
 * @param min the smallest finite value, NaN when there is none
 * @param max the largest finite value, NaN when there is none
 * @param bins the bins in ascending order; empty when no value is finite, one bin when all finite values are equal
 */
public record ValueHistogram(long finite, long nonFinite, double min, double max, List<HistogramBin> bins) {

    public ValueHistogram {
        bins = List.copyOf(bins);
    }

    /** The histogram of {@code values} with {@code binCount} bins over [min, max] of the finite values. */
    public static ValueHistogram of(double[] values, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be positive");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        long nonFinite = values.length - finite;
        if (finite == 0) {
            return new ValueHistogram(0, nonFinite, Double.NaN, Double.NaN, List.of());
        }
        int n = max > min ? binCount : 1;
        double width = (max - min) / n;
        long[] counts = new long[n];
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[n == 1 ? 0 : Math.min(n - 1, (int) ((v - min) / width))]++;
            }
        }
        var bins = new ArrayList<HistogramBin>(n);
        for (int i = 0; i < n; i++) {
            bins.add(new HistogramBin(min + i * width, i == n - 1 ? max : min + (i + 1) * width, counts[i]));
        }
        return new ValueHistogram(finite, nonFinite, min, max, bins);
    }

    /** How many finite values are at or above {@code threshold}. */
    public static long countAtLeast(double[] values, double threshold) {
        long count = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v >= threshold) {
                count++;
            }
        }
        return count;
    }
}
