package dev.sift.core.store;

/** Produces the chunks of a seed import; throwing any exception undoes the whole import. */
@FunctionalInterface
public interface SeedChunkSource<E extends Exception> {
    void emit(SeedChunkSink sink) throws E, StoreException;
}
