package dev.sift.ui.insights;

/**
 * One bar of the IFD histogram.
 *
 * @param label the bin's range, unique within one histogram
 * @param atOrAboveThreshold whether the whole bin lies at or above the threshold: those samples are dropped
 */
public record IfdBar(String label, long count, boolean atOrAboveThreshold) {}
