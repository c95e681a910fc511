package dev.sift.core.review;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.Score;
import java.util.List;

/**
 * One candidate of a sample as the review's side-by-side panes show it.
 *
 * @param candidateId the stored candidate, or 0 for the imported record itself when it has no original candidate
 * @param madeBy who made it, in words: "original", "pair writer→answerer", "dataset alpaca-gpt4", "curator", "run 4"
 * @param scores every score of the candidate, by metric
 * @param current whether the sample's current decision keeps this candidate
 */
public record CandidateDetail(
        long candidateId, CandidateOrigin origin, String madeBy, String instruction, String input, String response,
        List<Score> scores, boolean current) {

    public CandidateDetail {
        scores = List.copyOf(scores);
    }

    /** A rough token count of the response (words and punctuation), for the pane's header. */
    public int approximateTokens() {
        return (int) response.codePoints().filter(cp -> !Character.isWhitespace(cp)).count() / 4
                + (response.isEmpty() ? 0 : 1);
    }
}
