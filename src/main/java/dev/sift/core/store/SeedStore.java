package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Seed collections and their chunks. Thread-safe; every method blocks until the project file has answered.
 *
 * <p>Exact duplicates are found by the SHA-256 of a chunk's normalised text: runs of white space become one space and
 * the ends are trimmed, so that re-wrapped copies of a passage count as the same passage; case is kept (code is
 * case-sensitive).
 */
public interface SeedStore {

    /**
     * Creates a collection and imports its chunks all-or-nothing, in one transaction that is rolled back if the
     * source throws. The source runs on the store's writer thread, so it must not use the store itself (other writes
     * wait until the import ends).
     *
     * @param settingsJson how the collection is cut and from where, as a JSON object
     * @throws StoreException when the name is taken or the file cannot be written
     * @throws E whatever the source throws, after the rollback
     */
    <E extends Exception> SeedCollection importCollection(String name, String settingsJson, SeedChunkSource<E> source)
            throws E, StoreException;

    /** Creates an empty collection; fails when the name is taken. */
    default SeedCollection createCollection(String name, String settingsJson) throws StoreException {
        return importCollection(name, settingsJson, sink -> {});
    }

    /** All collections, oldest first. */
    List<SeedCollection> listCollections() throws StoreException;

    Optional<SeedCollection> findCollection(String name) throws StoreException;

    Optional<SeedCollection> findCollection(long id) throws StoreException;

    /** The ids of a collection's chunks in reading order: for sampling seeds without loading their texts. */
    long[] chunkIds(long collectionId) throws StoreException;

    /** A page of a collection's chunks in reading order, starting at position {@code offset}. */
    List<SeedChunk> chunks(long collectionId, int offset, int limit) throws StoreException;

    /** Calls {@code visitor} for every chunk of a collection in reading order, without holding them all in memory. */
    <E extends Exception> void forEachChunk(long collectionId, ChunkVisitor<E> visitor) throws E, StoreException;

    Optional<SeedChunk> chunk(long id) throws StoreException;

    /**
     * Deletes a collection and its chunks. Content that a run made of them stays, without its seed passage.
     *
     * @return false when there was no such collection
     */
    boolean deleteCollection(long id) throws StoreException;

    /** A visitor that may stop the iteration by throwing. */
    @FunctionalInterface
    interface ChunkVisitor<E extends Exception> {
        void visit(SeedChunk chunk) throws E;
    }
}
