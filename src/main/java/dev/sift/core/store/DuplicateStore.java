package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/** Near-duplicate scans and their groups. */
public interface DuplicateStore {

    DuplicateScan save(long datasetId, String model, double threshold, List<DuplicateGroup> groups) throws StoreException;

    /** The newest scan of the dataset, if any. */
    Optional<DuplicateScan> latest(long datasetId) throws StoreException;
}
