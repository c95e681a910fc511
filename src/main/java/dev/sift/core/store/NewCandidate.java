package dev.sift.core.store;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A candidate to add.
 *
 * @param runId the run that made it, or 0 (e.g. for the original)
 * @param agentPairId the agent pair that made it, or 0 for none
 * @param round the Star-Agents round, when there are rounds
 */
public record NewCandidate(
        long sampleId, long runId, long agentPairId, CandidateOrigin origin, OptionalInt round,
        String instruction, String input, String response) {

    public NewCandidate {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(instruction, "instruction");
        input = Objects.requireNonNullElse(input, "");
        Objects.requireNonNull(response, "response");
    }

    /** A candidate generated in a run, with no pair and no round. */
    public static NewCandidate generated(long sampleId, long runId, String instruction, String input, String response) {
        return new NewCandidate(sampleId, runId, 0, CandidateOrigin.GENERATED, OptionalInt.empty(), instruction,
                input, response);
    }
}
