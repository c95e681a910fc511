package dev.sift.ui.insights;

/** One scored sample in the scatter: the length of the scored response in characters, and its IFD. */
public record ScatterPoint(int responseChars, double ifd) {}
