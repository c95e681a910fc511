package dev.sift.core.store;

import dev.sift.core.model.Dataset;
import java.util.List;
import java.util.Optional;

/** The datasets of a project. */
public interface DatasetStore {

    /**
     * Imports a dataset all-or-nothing: the source's records are written in one transaction, which is
     * rolled back if the source throws, so a failed import leaves the project as it was. Blocks until
     * done. The source runs on the calling thread while the store's writer thread inserts what it has
     * produced so far, so reading and writing overlap.
     *
     * @throws StoreException when the name is taken or the file cannot be written
     * @throws E whatever the source throws, after the rollback
     */
    <E extends Exception> Dataset importDataset(NewDataset dataset, SampleSource<E> source) throws E, StoreException;

    List<Dataset> list() throws StoreException;

    Optional<Dataset> find(long id) throws StoreException;

    Optional<Dataset> findByName(String name) throws StoreException;

    void delete(long id) throws StoreException;
}
