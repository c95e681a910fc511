package dev.sift.core.store;

import dev.sift.core.model.SampleContent;

/** Receives the records of an import, in file order. */
public interface SampleSink {

    /**
     * Adds one record.
     *
     * @param recordIndex zero-based position of the record in its source file
     * @return {@code false} when an identical record (same content hash) is already in the dataset
     *     and this one was skipped
     */
    boolean add(int recordIndex, SampleContent content) throws StoreException;
}
