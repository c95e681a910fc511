package dev.sift.core.store;

/** Produces the records of an import; throwing any exception undoes the whole import. */
@FunctionalInterface
public interface SampleSource<E extends Exception> {
    void emit(SampleSink sink) throws E, StoreException;
}
