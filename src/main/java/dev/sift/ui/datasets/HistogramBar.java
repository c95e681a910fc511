package dev.sift.ui.datasets;

import dev.sift.core.stats.HistogramBin;

/** One bar of the length histogram: its range as a label, and how many samples fall in it. */
public record HistogramBar(String label, long count) {

    static HistogramBar of(HistogramBin bin) {
        return new HistogramBar(Math.round(bin.from()) + "–" + Math.round(bin.to()), bin.count());
    }
}
