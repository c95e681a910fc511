package dev.sift.core.store;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A candidate to add.
 *
 * @param runId the run that made it, or 0 (e.g. for the original)
 * @param agentPairId the agent pair that made it, or 0 for none
 * @param round the Star-Agents round, when there are rounds
 * @param source more about where it came from: the dataset it was matched from, or empty
 */
public record NewCandidate(
        long sampleId, long runId, long agentPairId, CandidateOrigin origin, OptionalInt round,
        String instruction, String input, String response, String source) {

    public NewCandidate {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(instruction, "instruction");
        input = Objects.requireNonNullElse(input, "");
        Objects.requireNonNull(response, "response");
        source = Objects.requireNonNullElse(source, "");
    }

    /** A candidate with no further source than its origin. */
    public NewCandidate(long sampleId, long runId, long agentPairId, CandidateOrigin origin, OptionalInt round,
            String instruction, String input, String response) {
        this(sampleId, runId, agentPairId, origin, round, instruction, input, response, "");
    }

    /** A candidate generated in a run, with no pair and no round. */
    public static NewCandidate generated(long sampleId, long runId, String instruction, String input, String response) {
        return new NewCandidate(sampleId, runId, 0, CandidateOrigin.GENERATED, OptionalInt.empty(), instruction,
                input, response);
    }
}
