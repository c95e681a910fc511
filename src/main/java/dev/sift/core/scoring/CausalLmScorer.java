package dev.sift.core.scoring;

import java.util.List;

/**
 * A causal language model reduced to what difficulty scores need: its tokenizer and per-token losses.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #encode} must use the scoring model's own tokenizer. {@code addBos} adds the beginning-of-sequence
 *       token where the model has one (LLaMA does, GPT-2 does not).</li>
 *   <li>{@link #tokenNll} returns natural-log losses: {@code nll[t] = -ln p(ids[t] | ids[0..t-1])} for
 *       {@code t >= 1}, and {@code nll[0] = NaN} because nothing predicts the first token. The log-softmax must
 *       be taken over the full vocabulary, in float32 or higher.</li>
 *   <li>Both methods block until done and may be slow (a forward pass). They are called from a job's worker
 *       thread; an implementation that is not thread-safe must say so.</li>
 *   <li>Failures are unchecked (for example {@link java.io.UncheckedIOException} or
 *       {@link IllegalStateException}); the caller's job reports them.</li>
 * </ul>
 */
public interface CausalLmScorer {

    /** Token ids of {@code text}, with a leading BOS token when {@code addBos} is true and the model has one. */
    int[] encode(String text, boolean addBos);

    /** Per-position natural-log NLL of {@code ids}; same length as {@code ids}, element 0 is NaN. */
    double[] tokenNll(int[] ids);

    /** {@link #tokenNll(int[])} for several sequences; implementations may run them as one batch. */
    default List<double[]> tokenNll(List<int[]> batch) {
        return batch.stream().map(this::tokenNll).toList();
    }

    /** The longest id sequence {@link #tokenNll} accepts (the model's context window). */
    default int maxLength() {
        return Integer.MAX_VALUE;
    }

    /** A name for provenance, such as the model id and its revision; recorded with every score. */
    default String name() {
        return getClass().getSimpleName();
    }
}
