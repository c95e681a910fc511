package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.Endpoints.endpoint;
import static dev.sift.core.llm.engine.Endpoints.withLimits;
import static dev.sift.core.llm.engine.ScriptedClient.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.model.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Tokenizing and prompt log-probs of token ids pass through the engine's retries, breakers, limits and meter. */
class TokenLevelEngineTest {

    private static final List<int[]> PROMPTS = List.of(new int[] {1, 2, 3}, new int[] {1, 4});

    private final FakeTime time = new FakeTime();

    private LlmEngine engine(Endpoint endpoint, LlmClient client, EngineSettings settings) {
        return LlmEngine.builder(List.of(endpoint), e -> client).settings(settings).clock(time).sleeper(time).build();
    }

    @Test
    void transientFailuresAreRetriedAndTheAnswerPassesThrough() throws Exception {
        ScriptedClient server = new ScriptedClient().failing(2, transientFailure("HTTP 503 from gpu"));
        LlmEngine engine = engine(endpoint("gpu", 4), server, EngineSettings.defaults());

        List<double[]> logprobs = engine.promptLogprobs("m", PROMPTS);
        Tokenization tokens = engine.tokenize("m", "abc", true);

        assertThat(logprobs.get(0)).containsExactly(Double.NaN, -1.0, -1.0);
        assertThat(logprobs.get(1)).containsExactly(Double.NaN, -1.0);
        assertThat(tokens.ids()).containsExactly('a', 'b', 'c');
        assertThat(tokens.maxModelLength()).isEqualTo(OptionalInt.of(4096));
        assertThat(server.calls).hasValue(4);
        assertThat(time.sleeps).hasSize(2);
    }

    @Test
    void unsupportedIsNotRetriedAndDoesNotOpenTheCircuit() {
        LlmException unsupported = new LlmException(Kind.UNSUPPORTED, "gpu: cannot score token ids");
        ScriptedClient server = new ScriptedClient().failing(5, unsupported);
        LlmEngine engine = engine(endpoint("gpu", 4), server,
                EngineSettings.defaults().withCircuit(2, Duration.ofSeconds(30)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.tokenize("m", "x", false)).isSameAs(unsupported);
        }

        assertThat(server.calls).hasValue(3);
        assertThat(engine.status()).extracting(EndpointPool.MemberStatus::state)
                .containsExactly(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theMeterCountsThePromptTokensAndOneGeneratedTokenPerPromptButNotTokenizing() throws Exception {
        LlmEngine engine = engine(endpoint("gpu", 4), new ScriptedClient(), EngineSettings.defaults());

        engine.promptLogprobs("m", PROMPTS);
        engine.tokenize("m", "some text", true);

        CostMeter.Totals totals = engine.costMeter().snapshot().endpoint("gpu");
        assertThat(totals.calls()).isEqualTo(1);
        assertThat(totals.promptTokens()).isEqualTo(5);
        assertThat(totals.completionTokens()).isEqualTo(2);
    }

    @Test
    void theTokenRateLimitCountsTheTokensSent() throws Exception {
        // 70 tokens a minute with no burst beyond a minute's worth: ten batches of 7 tokens, then a wait
        LlmEngine engine = engine(withLimits("gpu", 4, OptionalInt.empty(), OptionalInt.of(70)), new ScriptedClient(),
                EngineSettings.defaults().withRateBurst(Duration.ofMinutes(1)));

        for (int i = 0; i < 11; i++) {
            engine.promptLogprobs("m", PROMPTS);
        }

        assertThat(time.sleeps).singleElement().satisfies(wait -> assertThat(wait.toMillis()).isEqualTo(6000));
    }
}
