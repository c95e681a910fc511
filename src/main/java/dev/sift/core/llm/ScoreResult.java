package dev.sift.core.llm;

import java.util.List;

/**
 * Per-token log-probabilities of the continuation, aligned with its tokens as the model's tokenizer
 * split them. {@code promptTokens} is how many tokens the prompt took.
 */
public record ScoreResult(String model, List<TokenLogprob> continuationTokens, int promptTokens) {
    public ScoreResult {
        continuationTokens = List.copyOf(continuationTokens);
    }

    /** Mean negative log-likelihood of the continuation's tokens (NaN when there are none). */
    public double meanNll() {
        return continuationTokens.stream().mapToDouble(t -> -t.logprob()).average().orElse(Double.NaN);
    }
}
