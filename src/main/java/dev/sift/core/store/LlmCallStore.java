package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/**
 * The LLM call log, which is also the request cache. Thread-safe; every method blocks until the
 * project file has answered.
 *
 * <p>{@link #record} is one transaction that appends the row and adds its tokens and cost to its
 * run's totals, so the log and the run never disagree, even after a crash. Callers record each call
 * as soon as it returns.
 */
public interface LlmCallStore {

    /** Appends a call and returns it with its id and time. */
    LlmCall record(NewLlmCall call) throws StoreException;

    /** The most recent successful ({@link LlmCallStatus#OK}) call with this request hash, if any. */
    Optional<LlmCall> findLatestOk(String requestHash) throws StoreException;

    /** The calls of a run, oldest first. */
    List<LlmCall> listByRun(long runId) throws StoreException;

    /** How many calls of the run had this status. */
    long countByRun(long runId, LlmCallStatus status) throws StoreException;
}
