package dev.sift.core.scoring;

import java.util.Arrays;

/** Percentiles with numpy's default linear interpolation. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The {@code p}-th percentile (0–100) of {@code values}: position {@code p/100 × (n − 1)} in sorted order,
     * linearly interpolated between its neighbours, as {@code numpy.percentile} does by default.
     */
    public static double linear(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be in [0, 100]");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p / 100.0 * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }
}
