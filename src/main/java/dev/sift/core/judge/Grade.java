package dev.sift.core.judge;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One single-answer grading: the score from 1 to 10 (empty and {@link #unparsed()} when neither the reply
 * nor the one repair answer held a rating), the judge's explanation (its reply without the rating), the raw
 * reply, the reply to the repair message ("" when none was needed), and the SHA-256 of the prompt sent.
 */
public record Grade(OptionalDouble score, String rationale, String rawOutput, String repairOutput, String promptHash) {

    public Grade {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(rawOutput, "rawOutput");
        Objects.requireNonNull(repairOutput, "repairOutput");
        Objects.requireNonNull(promptHash, "promptHash");
    }

    /** Flagged: no rating could be read, and none is guessed. */
    public boolean unparsed() {
        return score.isEmpty();
    }
}
