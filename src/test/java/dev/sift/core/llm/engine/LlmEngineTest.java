package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.Endpoints.endpoint;
import static dev.sift.core.llm.engine.Endpoints.withLimits;
import static dev.sift.core.llm.engine.ScriptedClient.request;
import static dev.sift.core.llm.engine.ScriptedClient.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LlmEngineTest {

    private final FakeTime time = new FakeTime();

    private static Random halfJitter() {
        return new Random() {
            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
    }

    private LlmEngine.Builder engine(List<Endpoint> endpoints, Map<String, LlmClient> clients) {
        return LlmEngine.builder(endpoints, endpoint -> clients.get(endpoint.name()))
                .clock(time).sleeper(time).random(halfJitter());
    }

    private static Endpoint grouped(String name, String group) {
        return new Endpoint(0, name, EndpointKind.OPENAI, "http://127.0.0.1:8000/v1", "", "", 4, OptionalInt.empty(),
                OptionalInt.empty(), 0, 0, group);
    }

    @Test
    void aRetryMovesToAnotherEndpointAndTheDeadOneOpens() throws Exception {
        ScriptedClient dead = new ScriptedClient().failing(100, transientFailure("HTTP 503 from gpu-1"));
        ScriptedClient alive = new ScriptedClient();
        LlmEngine engine = engine(List.of(endpoint("gpu-1", 4), endpoint("gpu-2", 4)), Map.of("gpu-1", dead, "gpu-2", alive))
                .settings(EngineSettings.defaults().withCircuit(2, Duration.ofSeconds(30)))
                .build();

        for (int i = 0; i < 6; i++) {
            assertThat(engine.chat(request("hi")).text()).isEqualTo("ok");
        }

        assertThat(dead.calls).hasValue(2);
        assertThat(alive.calls).hasValue(6);
        assertThat(engine.status()).extracting(EndpointPool.MemberStatus::state)
                .containsExactly(CircuitBreaker.State.OPEN, CircuitBreaker.State.CLOSED);
        assertThat(engine.costMeter().snapshot().endpoint("gpu-1").failures()).isEqualTo(2);
        assertThat(engine.costMeter().snapshot().endpoint("gpu-2").calls()).isEqualTo(6);
    }

    @Test
    void aRetryGoesThroughTheRateLimiterAgain() throws Exception {
        ScriptedClient server = new ScriptedClient().failing(1, transientFailure("HTTP 502"));
        Endpoint slow = withLimits("slow", 1, OptionalInt.of(1), OptionalInt.empty());
        LlmEngine engine = engine(List.of(slow), Map.of("slow", server))
                .settings(EngineSettings.defaults().withRateBurst(Duration.ZERO))
                .build();

        engine.chat(request("hi"));

        // the backoff (half of 0.5 s), then the rest of the minute the limiter asks of the second attempt
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(59_750));
        assertThat(server.calls).hasValue(2);
    }

    @Test
    void aBudgetRefusalIsNeitherRetriedNorHeldAgainstTheEndpoint() throws Exception {
        ScriptedClient server = new ScriptedClient();
        CostMeter meter = new CostMeter();
        LlmEngine engine = engine(List.of(endpoint("local", 2)), Map.of("local", server))
                .settings(EngineSettings.defaults().withCircuit(1, Duration.ofSeconds(30)))
                .budget(new Budget(OptionalDouble.empty(), OptionalLong.of(520), meter))
                .build();
        // each call is estimated at 513 tokens (1 of prompt, 512 of default output) and uses 15
        engine.chat(request("hi"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.chat(request("hi")))
                    .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED))
                    .hasMessageStartingWith("budget reached (token cap)");
        }

        assertThat(server.calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
        assertThat(engine.status().get(0).state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(engine.costMeter()).isSameAs(meter);
    }

    @Test
    void aSingleDeadEndpointEndsTheRetriesOnceItsCircuitOpens() {
        ScriptedClient dead = new ScriptedClient().failing(100, transientFailure("connection refused"));
        LlmEngine engine = engine(List.of(endpoint("gpu-1", 4)), Map.of("gpu-1", dead))
                .settings(EngineSettings.defaults().withCircuit(3, Duration.ofSeconds(30)))
                .build();

        assertThatThrownBy(() -> engine.chat(request("hi")))
                .isInstanceOf(CircuitOpenException.class)
                .hasMessageStartingWith("endpoint gpu-1 is not answering: circuit open until");
        assertThat(dead.calls).hasValue(3);
    }

    @Test
    void membersOfAnEndpointAreItsGroup() {
        Endpoint a = grouped("a", "vllm");
        Endpoint b = grouped("b", "vllm");
        Endpoint c = grouped("c", "");
        Endpoint d = grouped("d", "other");

        assertThat(LlmEngine.membersOf(b, List.of(a, b, c, d))).containsExactly(b, a);
        assertThat(LlmEngine.membersOf(c, List.of(a, b, c, d))).containsExactly(c);
    }

    @Test
    void refusesEndpointsListedTwice() {
        assertThatThrownBy(() -> LlmEngine.create(List.of(endpoint("a", 1), endpoint("a", 2)), e -> new ScriptedClient(),
                EngineSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint a is listed twice");
    }
}
