package dev.sift.core.stats;

import java.util.List;

/** Length statistics of a set of samples, in characters. Percentiles use the nearest-rank method. */
public record LengthStats(
        long count, int min, int p25, int median, int p75, int p90, int p99, int max, double mean, List<HistogramBin> histogram) {

    public LengthStats {
        histogram = List.copyOf(histogram);
    }

    /** Statistics of the given lengths with {@code bins} equal-width bins from the minimum to the maximum. */
    public static LengthStats of(int[] lengths, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive");
        }
        if (lengths.length == 0) {
            return new LengthStats(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        int[] sorted = lengths.clone();
        java.util.Arrays.sort(sorted);
        long sum = 0;
        for (int v : sorted) {
            sum += v;
        }
        return new LengthStats(sorted.length, sorted[0], percentile(sorted, 25), percentile(sorted, 50),
                percentile(sorted, 75), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1],
                (double) sum / sorted.length, histogram(sorted, bins));
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
    static int percentile(int[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<HistogramBin> histogram(int[] sorted, int bins) {
        int min = sorted[0];
        int max = sorted[sorted.length - 1];
        double width = Math.max(1.0, (double) (max - min) / bins);
        int binCount = (int) Math.min(bins, Math.ceil((max - min + 1) / width));
        long[] counts = new long[binCount];
        for (int v : sorted) {
            counts[Math.min(binCount - 1, (int) ((v - min) / width))]++;
        }
        var result = new java.util.ArrayList<HistogramBin>(binCount);
        for (int i = 0; i < binCount; i++) {
            result.add(new HistogramBin(min + i * width, i == binCount - 1 ? max : min + (i + 1) * width, counts[i]));
        }
        return result;
    }
}
