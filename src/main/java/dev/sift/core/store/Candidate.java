package dev.sift.core.store;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * A proposed (instruction, input, response) for a sample, as stored.
 *
 * @param runId 0 when it belongs to no run
 * @param agentPairId 0 when no agent pair made it
 * @param source more about where it came from: the dataset it was matched from, or empty
 */
public record Candidate(
        long id, long sampleId, long runId, long agentPairId, CandidateOrigin origin, OptionalInt round,
        String instruction, String input, String response, Instant createdAt, String source) {}
