package dev.sift.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded decision.
 *
 * @param candidateId 0 when it names no candidate
 * @param runId 0 when no run made it
 * @param undoneAt when it was undone; a sample's current decision is its newest one not undone
 */
public record Decision(
        long id, long sampleId, long candidateId, DecisionAction action, DecidedBy decidedBy, long runId,
        String reason, Instant decidedAt, Optional<Instant> undoneAt) {}
