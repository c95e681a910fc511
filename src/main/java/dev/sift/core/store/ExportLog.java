package dev.sift.core.store;

import java.time.Instant;
import java.util.List;

/** The record of every export written from the project. */
public interface ExportLog {

    void record(String path, String format, long records, String manifestJson) throws StoreException;

    List<Entry> list() throws StoreException;

    record Entry(long id, String path, String format, long records, Instant exportedAt) {}
}
