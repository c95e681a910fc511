package dev.sift.core.store;

import dev.sift.core.model.SampleContent;

/**
 * Receives the records of an import, in file order. Records are written behind the caller's back in
 * batches; exact duplicates (same content hash as a record already in the dataset) are skipped and
 * counted in the {@link dev.sift.core.model.Dataset} the import returns.
 */
public interface SampleSink {

    /**
     * Adds one record.
     *
     * @param recordIndex zero-based position of the record in its source file
     * @throws StoreException when the store failed meanwhile; the import is then rolled back
     */
    void add(int recordIndex, SampleContent content) throws StoreException;
}
