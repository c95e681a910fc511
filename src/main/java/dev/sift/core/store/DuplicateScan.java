package dev.sift.core.store;

import java.time.Instant;
import java.util.List;

/** The result of one near-duplicate scan of a dataset. */
public record DuplicateScan(long id, long datasetId, String model, double threshold, Instant createdAt, List<DuplicateGroup> groups) {
    public DuplicateScan {
        groups = List.copyOf(groups);
    }
}
