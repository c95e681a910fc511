package dev.sift.core.stats;

/** Values in [from, to) — the last bin also holds values equal to {@code to}. */
public record HistogramBin(double from, double to, long count) {}
