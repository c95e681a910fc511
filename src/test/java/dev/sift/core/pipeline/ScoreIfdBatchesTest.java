package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdScorer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScoreIfdBatchesTest {

    /** One token per character after BOS; the losses are never asked for here. */
    private static final CausalLmScorer CHARACTERS = new CausalLmScorer() {
        @Override
        public int[] encode(String text, boolean addBos) {
            int offset = addBos ? 1 : 0;
            int[] ids = new int[text.length() + offset];
            for (int i = 0; i < text.length(); i++) {
                ids[i + offset] = text.charAt(i);
            }
            return ids;
        }

        @Override
        public double[] tokenNll(int[] ids) {
            throw new AssertionError("batching must not run the model");
        }
    };

    private final IfdScorer ifd = new IfdScorer(CHARACTERS, IfdOptions.superfiltering().withMaxLength(4096));

    private IfdScorer.Prepared sample(int responseLength) {
        return ifd.prepare("q", "", responseLength == 0 ? "" : "r".repeat(responseLength));
    }

    @Test
    void sortsShortestFirstAndCutsAtTheBatchSize() {
        List<IfdScorer.Prepared> page = List.of(sample(30), sample(10), sample(0), sample(20), sample(40));

        List<List<IfdScorer.Prepared>> batches = ScoreIfdBatches.of(page, Function.identity(), 2);

        assertThat(batches).containsExactly(List.of(page.get(2), page.get(1)), List.of(page.get(3), page.get(0)),
                List.of(page.get(4)));
        assertThat(page.get(2).sequenceCount()).isZero();
        assertThat(page.get(1).sequenceCount()).isEqualTo(2);
        assertThat(page.get(1).longestSequence()).isEqualTo(13); // BOS, "q", newline, ten response tokens
    }

    @Test
    void longSamplesGoInSmallerBatchesSoThePaddedTokensStayBounded() {
        int length = ScoreIfdBatches.MAX_PADDED_TOKENS / 4 - 3; // two samples, four sequences, fill the budget
        List<IfdScorer.Prepared> page = List.of(sample(length), sample(length), sample(length), sample(10 * length));

        List<List<IfdScorer.Prepared>> batches = ScoreIfdBatches.of(page, Function.identity(), 8);

        assertThat(batches).extracting(List::size).containsExactly(2, 1, 1);
        assertThat(batches.get(2)).containsExactly(page.get(3)); // alone, even beyond the budget
    }
}
