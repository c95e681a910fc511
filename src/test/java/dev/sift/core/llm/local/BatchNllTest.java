package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch NLLs are the same whether the positions are spread over threads or not. */
class BatchNllTest {

    @Test
    void aLargeBatchGivesExactlyTheSequentialNlls() {
        int vocab = 4096;
        int width = 96;
        List<int[]> batch = List.of(ids(96, vocab, 1), ids(40, vocab, 2), ids(1, vocab, 3), ids(77, vocab, 4));
        float[] logits = new float[batch.size() * width * vocab];
        Random random = new Random(7);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (3 * random.nextGaussian());
        }
        assertThat((long) logits.length).isGreaterThanOrEqualTo(BatchNll.PARALLEL_THRESHOLD);

        List<double[]> nlls = BatchNll.of(logits, batch, width, vocab);

        for (int r = 0; r < batch.size(); r++) {
            int[] seq = batch.get(r);
            double[] expected = new double[seq.length];
            expected[0] = Double.NaN;
            for (int t = 1; t < seq.length; t++) {
                expected[t] = -TokenSampler.logProb(logits, (r * width + t - 1) * vocab, vocab, seq[t]);
            }
            assertThat(nlls.get(r)).containsExactly(expected);
        }
    }

    @Test
    void rejectsIdsOutsideTheVocabulary() {
        assertThatThrownBy(() -> BatchNll.of(new float[2 * 4], List.of(new int[] {0, 4}), 2, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token id 4");
    }

    private static int[] ids(int length, int vocab, long seed) {
        return new Random(seed).ints(length, 0, vocab).toArray();
    }
}
