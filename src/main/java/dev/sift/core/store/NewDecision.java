package dev.sift.core.store;

import java.util.Objects;

/**
 * A decision to record.
 *
 * @param candidateId the candidate it keeps or rejects, or 0 for none
 * @param runId the run that made it, or 0 (a curator's decision)
 * @param reason a short human-readable reason, e.g. {@code IFD 0.87, rank 12 of 70}
 */
public record NewDecision(
        long sampleId, long candidateId, DecisionAction action, DecidedBy decidedBy, long runId, String reason) {

    public NewDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(decidedBy, "decidedBy");
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** A decision made by a selection algorithm in a run. */
    public static NewDecision byAlgorithm(long sampleId, long candidateId, DecisionAction action, long runId,
            String reason) {
        return new NewDecision(sampleId, candidateId, action, DecidedBy.ALGORITHM, runId, reason);
    }
}
