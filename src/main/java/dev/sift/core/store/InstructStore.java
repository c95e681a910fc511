package dev.sift.core.store;

import dev.sift.core.model.SampleContent;
import java.util.List;
import java.util.Optional;

/**
 * What AgentInstruct runs make: the transformed content of seed chunks and the provenance of every pair they add to a
 * dataset. Thread-safe; every method blocks until the project file has answered, and every write is its own
 * transaction, so a run that saves as it goes loses at most the item in flight.
 */
public interface InstructStore {

    /**
     * Saves a transformation agent's output for a seed chunk. Idempotent on (run, chunk, skill, transformation): when
     * the run already saved that content, nothing is written and the existing id is returned, so a resumed run can
     * save again without duplicates.
     *
     * @param agentId the project agent that wrote it; 0 for none
     * @return the content's id
     */
    long saveContent(long runId, long seedChunkId, String skill, String transformation, long agentId, String text)
            throws StoreException;

    Optional<InstructContent> content(long id) throws StoreException;

    /** The contents a run saved, oldest first. */
    List<InstructContent> contents(long runId) throws StoreException;

    /**
     * Appends a pair to an existing dataset as a new sample, with its provenance, in one transaction: the sample gets
     * the next record index and the dataset's counts grow. When the dataset already holds the same content (the same
     * {@link dev.sift.core.model.ContentHash}), nothing is inserted, the dataset counts one more duplicate, and the
     * answer names the sample already there.
     *
     * @throws StoreException for an unknown dataset, run or content
     */
    AddedPair addPair(long runId, long datasetId, SampleContent sample, PairProvenance provenance)
            throws StoreException;

    /** The provenance row of a sample; empty when no AgentInstruct run made it. */
    Optional<InstructPair> pair(long sampleId) throws StoreException;

    /** The provenance of a sample with its content and seed passage; empty when no AgentInstruct run made it. */
    Optional<InstructProvenance> provenance(long sampleId) throws StoreException;

    /** The pairs a run added, in sample order. */
    List<InstructPair> pairs(long runId) throws StoreException;

    /** Pairs per (skill, instruction type) among a dataset's samples, by skill then type. */
    List<PairCount> pairCountsOfDataset(long datasetId) throws StoreException;

    /** Pairs per (skill, instruction type) that a run added, by skill then type. */
    List<PairCount> pairCountsOfRun(long runId) throws StoreException;

    /** How many of a dataset's pairs went through each number of refinement rounds, fewest rounds first. */
    List<RefinementDepth> refinementDepthsOfDataset(long datasetId) throws StoreException;

    /** How many of a run's pairs went through each number of refinement rounds, fewest rounds first. */
    List<RefinementDepth> refinementDepthsOfRun(long runId) throws StoreException;
}
