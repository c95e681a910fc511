package dev.sift.core.store;

import java.util.List;

/**
 * Candidates of samples. Thread-safe; every method blocks until the project file has answered. Each
 * {@link #add} is its own transaction, so a job that adds candidates as it goes loses at most the
 * one in flight.
 */
public interface CandidateStore {

    /** Adds a candidate; fails for an unknown sample, run or agent pair. */
    Candidate add(NewCandidate candidate) throws StoreException;

    /**
     * Adds many candidates in one transaction (all or none) and returns their ids in order: for imports and
     * generated benchmark projects. The default adds them one by one.
     */
    default long[] addAll(List<NewCandidate> candidates) throws StoreException {
        long[] ids = new long[candidates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = add(candidates.get(i)).id();
        }
        return ids;
    }

    /** The candidates of a sample, oldest first. */
    List<Candidate> listBySample(long sampleId) throws StoreException;

    /** The candidates a run made, oldest first. Loads them all: for large runs page by sample instead. */
    List<Candidate> listByRun(long runId) throws StoreException;

    long countByRun(long runId) throws StoreException;

    /** The response length in characters of each of the given candidates, by candidate id; unknown ids are left out. */
    java.util.Map<Long, Integer> responseLengths(long[] candidateIds) throws StoreException;

    /** True when the run already made a candidate for the sample: the resume test for one item. */
    boolean existsForSample(long runId, long sampleId) throws StoreException;

    /** The ids of the samples the run made candidates for, ascending: the resume test for a whole run. */
    long[] sampleIdsWithCandidates(long runId) throws StoreException;
}
