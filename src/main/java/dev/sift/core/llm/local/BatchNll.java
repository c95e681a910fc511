package dev.sift.core.llm.local;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Teacher-forced NLLs of a right-padded batch from the logits of its one forward pass. The log-softmax over
 * the whole vocabulary at every position is most of Sift's own cost when scoring (49,152 exponentials a
 * token for SmolLM2, while ONNX Runtime's threads are idle), so large batches spread the positions over
 * the common fork-join pool. Each position is computed the same way either way: the results do not change.
 */
final class BatchNll {

    /** Below this many logits the work stays on the calling thread: forking would cost more than it saves. */
    static final long PARALLEL_THRESHOLD = 1L << 20;

    private BatchNll() {}

    /**
     * {@code nll[r][0]} is NaN and {@code nll[r][t] = -log_softmax(logits[r, t-1])[batch[r][t]]}.
     *
     * @param logits {@code [rows, width, vocab]}, row-major
     * @throws IllegalArgumentException when a token id is not below {@code vocab}
     */
    static List<double[]> of(float[] logits, List<int[]> batch, int width, int vocab) {
        double[][] out = new double[batch.size()][];
        for (int r = 0; r < out.length; r++) {
            int[] seq = batch.get(r);
            for (int t = 1; t < seq.length; t++) {
                if (seq[t] >= vocab) {
                    throw new IllegalArgumentException("token id " + seq[t] + " is outside the vocabulary of " + vocab);
                }
            }
            out[r] = new double[seq.length];
            out[r][0] = Double.NaN;
        }
        IntStream positions = IntStream.range(0, out.length * width);
        if (logits.length >= PARALLEL_THRESHOLD) {
            positions = positions.parallel();
        }
        positions.forEach(at -> {
            int r = at / width;
            int t = at % width;
            if (t >= 1 && t < out[r].length) {
                out[r][t] = -TokenSampler.logProb(logits, (r * width + t - 1) * vocab, vocab, batch.get(r)[t]);
            }
        });
        return new ArrayList<>(List.of(out));
    }
}
