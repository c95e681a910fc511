package dev.sift.ui.datasets;

import dev.sift.core.stats.HistogramBin;

/** One bar of the length histogram: its range as a label, and how many samples fall in it. */
public record HistogramBar(String label, long count) {

    static HistogramBar of(HistogramBin bin) {
        return new HistogramBar(Math.round(bin.from()) + "–" + Math.round(bin.to()), bin.count());
    }

    /** A whole-number axis step (1, 2 or 5 times a power of ten) giving about five ticks up to {@code peak}. */
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
