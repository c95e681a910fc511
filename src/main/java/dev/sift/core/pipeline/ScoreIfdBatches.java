package dev.sift.core.pipeline;

import dev.sift.core.scoring.IfdScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts a page of prepared samples into the batches of {@link ScoreIfdJob}: shortest first, so that the sequences
 * of one forward pass are of similar length and little padding is computed, and at most {@code batchSize} samples
 * and (beyond the first sample) {@link #MAX_PADDED_TOKENS} padded tokens per batch, which bounds the logits the
 * model holds at once whatever the window.
 */
final class ScoreIfdBatches {

    /**
     * The most sequences × longest length in one batch: 16 sequences of 512 tokens. With a 49,152-token vocabulary
     * the logits of such a batch take 1.6 GB in float32.
     */
    static final int MAX_PADDED_TOKENS = 16 * 512;

    private ScoreIfdBatches() {}

    /** {@code items} sorted by their longest sequence (stable) and cut into batches. */
    static <T> List<List<T>> of(List<T> items, Function<T, IfdScorer.Prepared> prepared, int batchSize) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(item -> prepared.apply(item).longestSequence()));
        List<List<T>> out = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        int sequences = 0;
        for (T item : sorted) {
            IfdScorer.Prepared sample = prepared.apply(item);
            int widened = (sequences + sample.sequenceCount()) * sample.longestSequence();
            if (!batch.isEmpty() && (batch.size() == batchSize || widened > MAX_PADDED_TOKENS)) {
                out.add(batch);
                batch = new ArrayList<>();
                sequences = 0;
            }
            batch.add(item);
            sequences += sample.sequenceCount();
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }
}
