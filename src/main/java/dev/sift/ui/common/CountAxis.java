package dev.sift.ui.common;

import javafx.scene.chart.NumberAxis;

/** A chart axis of counts: from zero, whole-number ticks (counts of samples have no fractions). */
public final class CountAxis {

    private CountAxis() {}

    /** A new axis with the given label, fixed to start at zero, without minor ticks. */
    public static NumberAxis create(String label) {
        var axis = new NumberAxis();
        axis.setLabel(label);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setMinorTickVisible(false);
        return axis;
    }

    /** Fits the axis to counts up to {@code peak} with about five whole-number ticks. */
    public static void fit(NumberAxis axis, long peak) {
        long unit = wholeTickUnit(peak);
        axis.setTickUnit(unit);
        axis.setUpperBound(Math.max(unit, (peak + unit - 1) / unit * unit));
    }

    /** A whole-number step (1, 2 or 5 times a power of ten) giving about five ticks up to {@code peak}. */
    static long wholeTickUnit(long peak) {
        long raw = Math.max(1, (peak + 4) / 5);
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 5}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
