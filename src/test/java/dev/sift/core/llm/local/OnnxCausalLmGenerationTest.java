package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxCausalLmGenerationTest {

    private static OnnxCausalLm lm;
    private static int[] prompt;
    private static int[] continuation;

    @BeforeAll
    static void open() throws IOException {
        lm = OnnxCausalLm.open(TinyModel.folder(), 1);
        JsonNode greedy = TinyModel.reference().get("greedy");
        prompt = TinyModel.ints(greedy.get("prompt"));
        continuation = TinyModel.ints(greedy.get("continuation"));
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void cachedGreedyDecodingEqualsRepeatedFullForwardPasses() {
        GenerationResult cached = lm.generate(prompt, GenerationSettings.greedy(continuation.length).withoutEosStop());

        int[] sequence = prompt.clone();
        for (int step = 0; step < continuation.length; step++) {
            float[] logits = lm.nextTokenLogits(sequence);
            int next = TokenSampler.argmax(logits);
            assertThat(cached.tokenIds()[step]).as("step %d", step).isEqualTo(next);
            assertThat(cached.logProbs()[step])
                    .isCloseTo(TokenSampler.logProb(logits, 0, logits.length, next), within(1e-5));
            sequence = Arrays.copyOf(sequence, sequence.length + 1);
            sequence[sequence.length - 1] = next;
        }
        assertThat(cached.tokenIds()).containsExactly(continuation);
        assertThat(cached.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    }

    @Test
    void stopsAtEosByDefaultAndLeavesItOut() {
        GenerationResult result = lm.generate(prompt, GenerationSettings.greedy(20));

        assertThat(result.stopReason()).isEqualTo(StopReason.STOP_TOKEN);
        assertThat(result.text()).isEqualTo("is very big .");
        assertThat(result.tokenIds()).containsExactly(Arrays.copyOf(continuation, 4));
    }

    @Test
    void stopStringCutsTheTextBeforeIt() {
        GenerationResult result = lm.generate(prompt, GenerationSettings.greedy(20).withStopStrings("big", "sad"));

        assertThat(result.stopReason()).isEqualTo(StopReason.STOP_STRING);
        assertThat(result.text()).isEqualTo("is very ");
        assertThat(result.tokenIds()).containsExactly(Arrays.copyOf(continuation, 3));
    }

    @Test
    void stopTokenIdsEndGenerationWithoutTheToken() {
        int big = lm.encode("big", false)[0];
        GenerationResult result = lm.generate(prompt, GenerationSettings.greedy(20).withStopTokenIds(big));

        assertThat(result.stopReason()).isEqualTo(StopReason.STOP_TOKEN);
        assertThat(result.text()).isEqualTo("is very");
    }

    @Test
    void maxNewTokensLimitsTheOutput() {
        GenerationResult result = lm.generate(prompt, GenerationSettings.greedy(2));

        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(result.tokenIds()).containsExactly(continuation[0], continuation[1]);
    }

    @Test
    void seededSamplingIsReproducibleAndDependsOnTheSeed() {
        GenerationSettings settings = GenerationSettings.sampling(12, 1.0, 0.95, 42).withoutEosStop();
        int[] first = lm.generate(prompt, settings).tokenIds();

        assertThat(lm.generate(prompt, settings).tokenIds()).containsExactly(first);
        boolean anotherSeedDiffers = false;
        for (long seed = 1; seed <= 5; seed++) {
            GenerationSettings other = GenerationSettings.sampling(12, 1.0, 0.95, seed).withoutEosStop();
            anotherSeedDiffers |= !Arrays.equals(first, lm.generate(prompt, other).tokenIds());
        }
        assertThat(anotherSeedDiffers).isTrue();
    }

    @Test
    void tinyTopPKeepsOnlyTheMostLikelyToken() {
        GenerationSettings settings = GenerationSettings.sampling(8, 1.5, 1e-9, 7).withoutEosStop();

        assertThat(lm.generate(prompt, settings).tokenIds()).containsExactly(Arrays.copyOf(continuation, 8));
    }

    @Test
    void fp16ExportScoresCloseToTheFp32ReferenceAndGenerates() throws IOException {
        try (OnnxCausalLm half = OnnxCausalLm.open(TinyModel.fp16Folder(), 1)) {
            for (JsonNode sequence : TinyModel.reference().get("sequences")) {
                double[] expected = TinyModel.nlls(sequence.get("nll"));
                double[] actual = half.tokenNll(TinyModel.ints(sequence.get("ids")));
                for (int t = 1; t < expected.length; t++) {
                    assertThat(actual[t]).isCloseTo(expected[t], within(1e-2));
                }
            }
            GenerationResult result = half.generate(prompt, GenerationSettings.greedy(4).withoutEosStop());
            assertThat(result.tokenIds()).containsExactly(Arrays.copyOf(continuation, 4));
        }
    }
}
