package dev.sift.core.llm.local;

/**
 * What {@link OnnxCausalLm#generate} produced.
 *
 * @param tokenIds the new token ids, without the prompt and without a final stop token; after a stop
 *     string they end with the token that completed it
 * @param text the decoded new tokens (special tokens skipped), cut before the first stop string
 * @param logProbs for each of {@code tokenIds}, the model's own log-probability of that token, before
 *     temperature and top-p were applied
 * @param stopReason why generation ended
 */
public record GenerationResult(int[] tokenIds, String text, double[] logProbs, StopReason stopReason) {

    public GenerationResult {
        tokenIds = tokenIds.clone();
        logProbs = logProbs.clone();
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    @Override
    public double[] logProbs() {
        return logProbs.clone();
    }
}
