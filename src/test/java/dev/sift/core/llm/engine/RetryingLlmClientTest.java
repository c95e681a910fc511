package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.ScriptedClient.request;
import static dev.sift.core.llm.engine.ScriptedClient.transientFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.LlmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RetryingLlmClientTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedClient server = new ScriptedClient();

    /** Jitter that always draws the same fraction, so the waits are exact. */
    private static Random fixedJitter(double fraction) {
        return new Random() {
            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    private RetryingLlmClient retrying(RetryPolicy policy) {
        return new RetryingLlmClient(server, policy, time, time, fixedJitter(0.5));
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void retriesTransientFailuresUntilTheServerAnswers() throws Exception {
        server.failing(2, transientFailure("HTTP 503 from local-vllm"));

        var response = retrying(RetryPolicy.defaults()).chat(request("hi"));

        assertThat(response.text()).isEqualTo("ok");
        assertThat(server.calls).hasValue(3);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheCountAndTheLastReason() {
        server.failing(10, transientFailure("HTTP 503 from local-vllm"));

        assertThatThrownBy(() -> retrying(RetryPolicy.defaults().withMaxAttempts(3)).chat(request("hi")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.getCause()).isInstanceOf(LlmException.class);
                })
                .hasMessage("after 3 attempts: HTTP 503 from local-vllm");
        assertThat(server.calls).hasValue(3);
        assertThat(time.sleeps).hasSize(2);
    }

    @Test
    void neverRetriesPermanentUnsupportedOrRefusedFailures() {
        for (LlmException.Kind kind : List.of(LlmException.Kind.PERMANENT, LlmException.Kind.UNSUPPORTED,
                LlmException.Kind.REFUSED)) {
            ScriptedClient once = new ScriptedClient().failing(5, new LlmException(kind, "no: " + kind));
            var client = new RetryingLlmClient(once, RetryPolicy.defaults(), time, time, new Random(1));

            assertThatThrownBy(() -> client.chat(request("hi"))).hasMessage("no: " + kind);
            assertThat(once.calls).as(kind.name()).hasValue(1);
        }
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void waitsAtLeastTheServersRetryAfter() throws Exception {
        server.failing(1, new LlmException(LlmException.Kind.TRANSIENT, "HTTP 429", 429, Duration.ofSeconds(7), null));

        retrying(RetryPolicy.defaults()).chat(request("hi"));

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void capsARetryAfterAtTheMaximumWait() throws Exception {
        server.failing(1, new LlmException(LlmException.Kind.TRANSIENT, "HTTP 429", 429, Duration.ofHours(1), null));

        retrying(RetryPolicy.defaults()).chat(request("hi"));

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void backoffDoublesUpToItsCap() throws Exception {
        server.failing(9, transientFailure("HTTP 502"));
        // the jitter draws the top of the range: the waits are the ceilings themselves
        var client = new RetryingLlmClient(server, RetryPolicy.defaults().withMaxAttempts(10), time, time,
                fixedJitter(1.0));

        client.chat(request("hi"));

        assertThat(time.sleeps).extracting(Duration::toMillis)
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }

    @Test
    void jitteredWaitsStayBelowTheirCeilings() throws Exception {
        server.failing(7, transientFailure("HTTP 502"));
        RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(8);

        new RetryingLlmClient(server, policy, time, time, new Random(42)).chat(request("hi"));

        assertThat(time.sleeps).hasSize(7);
        for (int i = 0; i < time.sleeps.size(); i++) {
            assertThat(time.sleeps.get(i)).isBetween(Duration.ZERO, policy.backoffCeiling(i + 1));
        }
        assertThat(policy.backoffCeiling(20)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void stopsRetryingWhenTheNextWaitWouldPassTheCallDeadline() {
        server.failing(10, new LlmException(LlmException.Kind.TRANSIENT, "HTTP 429", 429, Duration.ofSeconds(4), null));
        var client = retrying(RetryPolicy.defaults().withMaxAttempts(10).withCallTimeout(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> client.chat(request("hi")))
                .hasMessage("call deadline of 10 s reached after 3 attempts: HTTP 429");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anInterruptDuringTheBackoffEndsTheCallAndKeepsTheFlag() {
        server.failing(3, transientFailure("HTTP 503"));
        Sleeper interrupted = duration -> {
            throw new InterruptedException("sleep interrupted");
        };
        var client = new RetryingLlmClient(server, RetryPolicy.defaults(), time, interrupted, new Random(1));

        assertThatThrownBy(() -> client.chat(request("hi")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
                    assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
                })
                .hasMessageContaining("interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(server.calls).hasValue(1);
    }

    @Test
    void anInterruptedAttemptIsNotRetried() {
        server.failing(3, transientFailure("HTTP 503"));
        Thread.currentThread().interrupt();

        // the attempt failed because the caller was interrupted: give the failure back, don't wait and retry
        assertThatThrownBy(() -> retrying(RetryPolicy.defaults()).chat(request("hi"))).hasMessage("HTTP 503");
        assertThat(server.calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void aRealSleepIsInterruptedPromptly() throws Exception {
        server.failing(3, new LlmException(LlmException.Kind.TRANSIENT, "HTTP 429", 429, Duration.ofMinutes(1), null));
        var client = new RetryingLlmClient(server, RetryPolicy.defaults());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.chat(request("hi"));
            } catch (LlmException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        while (caller.getState() != Thread.State.TIMED_WAITING) {   // in the backoff of up to a minute
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(LlmException.class).hasCauseInstanceOf(InterruptedException.class);
        assertThat(flag.get()).isTrue();
    }

    @Test
    void aStreamIsRetriedOnlyBeforeAnyTextArrived() throws Exception {
        List<String> received = new ArrayList<>();
        server.failing(1, transientFailure("connection reset"));
        retrying(RetryPolicy.defaults()).stream(request("hi"), (index, text) -> received.add(text));
        assertThat(received).containsExactly("ok");

        ScriptedClient broken = new ScriptedClient().failing(1, transientFailure("connection reset"));
        broken.textBeforeFailing = true;
        var client = new RetryingLlmClient(broken, RetryPolicy.defaults(), time, time, new Random(1));
        assertThatThrownBy(() -> client.stream(request("hi"), (index, text) -> {}))
                .hasMessageContaining("not retried: connection reset");
        assertThat(broken.calls).hasValue(1);
    }
}
