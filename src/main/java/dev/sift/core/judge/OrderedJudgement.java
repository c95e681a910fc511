package dev.sift.core.judge;

import java.util.Objects;
import java.util.Optional;

/**
 * One pairwise judgement in one order of the answers: the scores read from the reply (empty and
 * {@link #unparsed()} when neither the reply nor the one repair answer held them), the judge's raw reply,
 * the reply to the repair message ("" when none was needed), and the SHA-256 of the prompt sent.
 */
public record OrderedJudgement(Optional<ScorePair> scores, String rawOutput, String repairOutput, String promptHash) {

    public OrderedJudgement {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(rawOutput, "rawOutput");
        Objects.requireNonNull(repairOutput, "repairOutput");
        Objects.requireNonNull(promptHash, "promptHash");
    }

    /** Flagged: no score could be read, so this item is left out of every count. */
    public boolean unparsed() {
        return scores.isEmpty();
    }
}
