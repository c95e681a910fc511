package dev.sift.core.store;

import java.util.Map;

/** Sentence embeddings of samples, one per sample and model, kept so that scans need not redo them. */
public interface EmbeddingStore {

    /** Stores embeddings (L2-normalised float vectors) for the given samples, replacing older ones. */
    void putAll(String model, Map<Long, float[]> vectors) throws StoreException;

    /** The embeddings of the given dataset's samples made with {@code model}, keyed by sample id. */
    Map<Long, float[]> load(long datasetId, String model) throws StoreException;
}
