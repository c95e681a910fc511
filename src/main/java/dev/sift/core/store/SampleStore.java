package dev.sift.core.store;

import dev.sift.core.model.Sample;
import java.util.List;

/**
 * Reads samples. Large results are never loaded whole: callers take the matching ids (8 bytes a
 * sample) and then fetch pages of samples, or stream them with {@link #forEach}.
 */
public interface SampleStore {

    long count(SampleQuery query) throws StoreException;

    /** Ids of the matching samples, ordered by dataset and record index. */
    long[] ids(SampleQuery query) throws StoreException;

    /** The samples with the given ids, in the order given; unknown ids are left out. */
    List<Sample> fetch(long[] ids, int from, int to) throws StoreException;

    /** Calls {@code visitor} for every matching sample in id order, without holding them all in memory. */
    <E extends Exception> void forEach(SampleQuery query, SampleVisitor<E> visitor) throws E, StoreException;

    /** Character counts of the matching samples, for length statistics. */
    int[] characterCounts(SampleQuery query) throws StoreException;

    /** A visitor that may stop the iteration by throwing. */
    @FunctionalInterface
    interface SampleVisitor<E extends Exception> {
        void visit(Sample sample) throws E;
    }
}
