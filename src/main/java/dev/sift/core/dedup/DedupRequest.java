package dev.sift.core.dedup;

/**
 * A near-duplicate scan of one dataset.
 *
 * @param threshold the cosine similarity at or above which two samples count as near duplicates
 */
public record DedupRequest(long datasetId, double threshold) {
    public static final double DEFAULT_THRESHOLD = 0.92;

    public DedupRequest {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
    }
}
