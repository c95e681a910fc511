package dev.sift.core.store;

/**
 * The answer to adding an AgentInstruct pair to a dataset.
 *
 * @param sampleId the new sample, or, for a duplicate, the sample already holding the same content
 * @param duplicate true when the dataset already held the same content: nothing was inserted
 */
public record AddedPair(long sampleId, boolean duplicate) {}
