package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Runs and their event logs. Thread-safe; every method blocks until the project file has answered,
 * and every write is its own transaction, so a crash keeps everything written before it.
 */
public interface RunStore {

    /** Creates a run in status {@link RunStatus#QUEUED}. */
    Run create(NewRun run) throws StoreException;

    /**
     * Moves a run to {@code status}. {@link RunStatus#RUNNING} records the first start time and clears
     * the end time and the error (a resume); a finished status records the end time and
     * {@code error} (empty for none).
     *
     * @throws StoreException for an unknown run
     */
    void setStatus(long runId, RunStatus status, String error) throws StoreException;

    /** Records how many items are done out of how many. */
    void updateProgress(long runId, long done, long total) throws StoreException;

    /** Adds tokens and money to the run's totals. The call log does this for every call it records. */
    void addUsage(long runId, long tokensIn, long tokensOut, double costUsd) throws StoreException;

    /** Appends a line to the run's log. {@code dataJson} may be empty. */
    RunEvent appendEvent(long runId, String kind, String message, String dataJson) throws StoreException;

    /** The run's log lines with an id above {@code afterId} (0 for all), oldest first, at most {@code limit}. */
    List<RunEvent> events(long runId, long afterId, int limit) throws StoreException;

    Optional<Run> find(long id) throws StoreException;

    /** All runs, newest first. */
    List<Run> list() throws StoreException;

    /**
     * Records the probability of each agent pair after round {@code weights.round()} of a run (the
     * {@code weight_history} table), in one transaction; recording a round again replaces it.
     *
     * @throws StoreException for an unknown run or agent pair
     */
    void recordWeights(long runId, RoundWeights weights) throws StoreException;

    /** The recorded weights of a run, by round ascending; empty when none were recorded. */
    List<RoundWeights> weights(long runId) throws StoreException;
}
