package dev.sift.core.dedup;

/**
 * Finds, for a vector, the earliest representative similar enough to it. Representatives are added
 * in increasing index order and every query comes after the representatives it may match.
 */
interface RepresentativeIndex {

    /** The lowest-index representative whose cosine with vector {@code i} is at least the threshold, or -1. */
    int find(int i);

    void add(int representative);
}
