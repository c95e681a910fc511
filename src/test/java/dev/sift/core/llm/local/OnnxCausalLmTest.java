package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxCausalLmTest {

    private static OnnxCausalLm lm;
    private static JsonNode reference;

    @BeforeAll
    static void open() throws IOException {
        lm = OnnxCausalLm.open(TinyModel.folder(), 1);
        reference = TinyModel.reference();
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void encodesLikeTheGeneratorAndAddsBosOnlyWhenAsked() {
        for (JsonNode sequence : reference.get("sequences")) {
            int[] expected = TinyModel.ints(sequence.get("ids"));
            assertThat(lm.encode(sequence.get("text").asText(), sequence.get("add_bos").asBoolean()))
                    .as(sequence.get("text").asText())
                    .containsExactly(expected);
        }
        assertThat(lm.bosTokenId()).hasValue(1);
        assertThat(lm.eosTokenIds()).containsExactly(2);
        assertThat(lm.hasKvCache()).isTrue();
    }

    @Test
    void decodeRoundTripsWordLevelTextAndSkipsSpecialTokens() {
        String text = "the cat sat on the mat .";
        assertThat(lm.decode(lm.encode(text, false))).isEqualTo(text);
        assertThat(lm.decode(lm.encode(text, true))).isEqualTo(text);
        assertThat(lm.encode("the zebra", false)).containsExactly(lm.encode("the", false)[0], 0);
    }

    @Test
    void tokenNllMatchesTheNumpyReference() {
        for (JsonNode sequence : reference.get("sequences")) {
            double[] expected = TinyModel.nlls(sequence.get("nll"));
            double[] actual = lm.tokenNll(TinyModel.ints(sequence.get("ids")));
            assertThat(actual).hasSize(expected.length);
            assertThat(actual[0]).isNaN();
            for (int t = 1; t < expected.length; t++) {
                assertThat(actual[t])
                        .as("token %d of %s", t, sequence.get("text"))
                        .isCloseTo(expected[t], within(1e-5));
            }
        }
    }

    @Test
    void nextTokenLogitsMatchTheNumpyReference() {
        for (JsonNode sequence : reference.get("sequences")) {
            float[] logits = lm.nextTokenLogits(TinyModel.ints(sequence.get("ids")));
            JsonNode expected = sequence.get("last_logits");
            assertThat(logits).hasSize(expected.size());
            for (int i = 0; i < logits.length; i++) {
                assertThat((double) logits[i]).isCloseTo(expected.get(i).asDouble(), within(1e-5));
            }
        }
    }

    @Test
    void paddedBatchMatchesTheReferenceAndOneByOneScoring() {
        List<JsonNode> sequences = TinyModel.list(reference.get("sequences")).subList(0, 3);
        List<int[]> batch = sequences.stream().map(s -> TinyModel.ints(s.get("ids"))).toList();
        List<double[]> batched = lm.tokenNll(batch);
        List<JsonNode> expected = TinyModel.list(reference.get("batch").get("nll"));
        for (int i = 0; i < batch.size(); i++) {
            double[] single = lm.tokenNll(batch.get(i));
            double[] reference = TinyModel.nlls(expected.get(i));
            assertThat(batched.get(i)).hasSize(batch.get(i).length);
            assertThat(batched.get(i)[0]).isNaN();
            for (int t = 1; t < single.length; t++) {
                assertThat(batched.get(i)[t]).isCloseTo(single[t], within(1e-6));
                assertThat(batched.get(i)[t]).isCloseTo(reference[t], within(1e-5));
            }
        }
    }

    @Test
    void scoresEmptyAndOneTokenSequencesWithoutRunningThem() {
        List<double[]> nlls = lm.tokenNll(List.of(new int[0], new int[] {1}, new int[] {1, 4}));
        assertThat(nlls.get(0)).isEmpty();
        assertThat(nlls.get(1)).hasSize(1);
        assertThat(nlls.get(1)[0]).isNaN();
        assertThat(nlls.get(2)[1]).isCloseTo(lm.tokenNll(new int[] {1, 4})[1], within(1e-9));
    }

    @Test
    void anIdOutsideTheVocabularyIsAnIllegalArgumentInABatchToo() {
        assertThatThrownBy(() -> lm.tokenNll(List.of(new int[] {1, 4}, new int[] {1, 64})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token id 64 is outside the vocabulary of 64");
        assertThat(lm.tokenNll(new int[] {1, 4})).hasSize(2);
    }
}
