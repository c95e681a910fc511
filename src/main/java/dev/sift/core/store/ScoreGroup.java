package dev.sift.core.store;

/** Scores of one metric that are comparable with each other: same scorer, same settings key. */
public record ScoreGroup(String metric, String scorer, String template, long count) {}
