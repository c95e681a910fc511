package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.ScriptedClient.request;
import static dev.sift.core.llm.engine.ScriptedClient.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.LlmException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedClient server = new ScriptedClient();
    private final CircuitBreaker breaker = new CircuitBreaker("gpu-1", 5, Duration.ofSeconds(30), time);
    private final CircuitBreakingLlmClient client = new CircuitBreakingLlmClient(server, breaker);

    private void failTimes(int times) {
        server.failing(times, transientFailure("HTTP 503 from gpu-1"));
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> client.chat(request("hi"))).hasMessage("HTTP 503 from gpu-1");
        }
    }

    @Test
    void opensAfterFiveTransientFailuresInARowAndThenRefusesWithoutCalling() {
        failTimes(5);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.chat(request("hi")))
                .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED);
                    assertThat(e.endpoint()).isEqualTo("gpu-1");
                })
                .hasMessageStartingWith("endpoint gpu-1 is not answering: circuit open until 2026-01-01T00:00:30Z")
                .hasMessageContaining("last: HTTP 503 from gpu-1");
        assertThat(server.calls).hasValue(5);
    }

    @Test
    void anAnswerResetsTheCount() throws Exception {
        failTimes(4);
        client.chat(request("hi"));
        failTimes(4);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void permanentFailuresAreAnswersAndRefusalsFromFurtherInDoNotCount() {
        server.failing(5, new LlmException(LlmException.Kind.PERMANENT, "HTTP 400"));
        server.failing(5, new LlmException(LlmException.Kind.REFUSED, "budget reached"));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> client.chat(request("hi"))).isInstanceOf(LlmException.class);
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheCoolDownOneProbeGoesThroughAndItsSuccessCloses() throws Exception {
        failTimes(5);
        time.advance(Duration.ofSeconds(30));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

        client.chat(request("probe"));

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        client.chat(request("hi"));
        assertThat(server.calls).hasValue(7);
    }

    @Test
    void whileTheProbeIsOutEveryoneElseIsRefused() throws Exception {
        failTimes(5);
        time.advance(Duration.ofSeconds(31));

        breaker.acquire();

        assertThat(breaker.allowsCalls()).isFalse();
        assertThatThrownBy(breaker::acquire).hasMessageContaining("circuit half-open, a probe is in flight");
        breaker.onSuccess();
        assertThat(breaker.allowsCalls()).isTrue();
    }

    @Test
    void aFailedProbeOpensTheCircuitForAnotherCoolDown() {
        failTimes(5);
        time.advance(Duration.ofSeconds(30));

        failTimes(1);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.openUntil()).isEqualTo(FakeTime.START.plus(Duration.ofSeconds(60)));
    }

    @Test
    void anAbandonedProbeLetsTheNextCallerProbe() throws Exception {
        failTimes(5);
        time.advance(Duration.ofSeconds(30));
        breaker.acquire();

        breaker.onAbandoned();

        breaker.acquire();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }
}
