package dev.sift.core.store;

/** Receives the chunks of a seed import, in reading order. */
public interface SeedChunkSink {

    /**
     * Adds one chunk, unless the collection already holds one with the same normalised text.
     *
     * @return true when the chunk was stored, false when it was a duplicate
     * @throws StoreException when the project file cannot be written; the import is then rolled back
     */
    boolean add(NewSeedChunk chunk) throws StoreException;
}
