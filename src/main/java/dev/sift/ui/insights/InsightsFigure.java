package dev.sift.ui.insights;

/** One labelled summary figure, e.g. ("scored", "1,204"). */
public record InsightsFigure(String label, String value) {}
