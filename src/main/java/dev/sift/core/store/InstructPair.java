package dev.sift.core.store;

import java.time.Instant;

/** The provenance row of a sample that an AgentInstruct run added to a dataset. */
public record InstructPair(long sampleId, long runId, PairProvenance provenance, Instant createdAt) {}
