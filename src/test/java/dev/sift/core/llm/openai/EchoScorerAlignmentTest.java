package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.openai.LogprobsParser.RawToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoScorerAlignmentTest {

    private static RawToken token(String text, Double logprob, int offset) {
        return new RawToken(text, logprob, offset, List.of());
    }

    @Test
    void aTokenStraddlingTheBoundaryBelongsToTheContinuation() {
        List<RawToken> tokens = List.of(token("Hello", null, 0), token(" world", -1.0, 5), token(" peace", -2.0, 11));

        ScoreResult result = EchoScorer.align("m", tokens, "Hello wor", "Hello world peace");

        assertThat(result.continuationTokens()).extracting(TokenLogprob::token).containsExactly(" world", " peace");
        assertThat(result.promptTokens()).isEqualTo(1);
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() {
        // the emoji is one character for the server but two UTF-16 units in Java
        List<RawToken> tokens = List.of(token("😀", null, 0), token(":", -0.5, 1), token(" ok", -0.25, 2));

        ScoreResult result = EchoScorer.align("m", tokens, "😀:", "😀: ok");

        assertThat(result.continuationTokens()).extracting(TokenLogprob::token).containsExactly(" ok");
        assertThat(result.promptTokens()).isEqualTo(2);
    }

    @Test
    void withoutOffsetsTokensAreLaidOutFromTheEnd() {
        // the first token's text is unknown (vLLM's null first prompt_logprobs entry)
        List<RawToken> tokens = List.of(token("", null, -1), token(" cat", -1.0, -1), token(" sat", -2.0, -1));

        ScoreResult result = EchoScorer.align("m", tokens, "The cat", "The cat sat");

        assertThat(result.continuationTokens()).extracting(TokenLogprob::logprob).containsExactly(-2.0);
        assertThat(result.promptTokens()).isEqualTo(2);
    }

    @Test
    void anEmptyContinuationHasNoTokens() {
        ScoreResult result = EchoScorer.align("m", List.of(token("Hi", null, 0)), "Hi", "Hi");

        assertThat(result.continuationTokens()).isEmpty();
        assertThat(result.promptTokens()).isEqualTo(1);
    }
}
