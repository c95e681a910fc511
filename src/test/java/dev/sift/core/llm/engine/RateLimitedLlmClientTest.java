package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.Endpoints.endpoint;
import static dev.sift.core.llm.engine.Endpoints.withLimits;
import static dev.sift.core.llm.engine.ScriptedClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RateLimitedLlmClientTest {

    private final FakeTime time = new FakeTime();
    private final ScriptedClient server = new ScriptedClient();

    private RateLimitedLlmClient limited(Endpoint endpoint, Duration burst) {
        return new RateLimitedLlmClient(server, endpoint, TokenEstimator.DEFAULT, burst, time, time);
    }

    /** 400 characters of prompt (100 tokens) and max_tokens 100: an estimate of 200 tokens. */
    private static ChatRequest twoHundredTokens() {
        return new ChatRequest("m", List.of(new Message(Message.USER, "x".repeat(400))),
                ChatParameters.defaults().withMaxTokens(100));
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void neverHasMoreCallsInFlightThanTheEndpointAllows() throws Exception {
        server.holdMillis = 2;
        var client = limited(endpoint("gpu-1", 3), RateLimitedLlmClient.DEFAULT_BURST);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                    for (int k = 0; k < 5; k++) {
                        client.chat(request("hi"));
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            });
            callers.add(caller);
            caller.start();
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join(30_000);
        }

        assertThat(errors).isEmpty();
        assertThat(server.calls).hasValue(80);
        assertThat(server.maxInFlight.get()).isBetween(1, 3);
        assertThat(client.inFlight()).isZero();
    }

    @Test
    void requestsPerMinuteSpaceTheCallsOnceTheBurstIsSpent() throws Exception {
        var client = limited(withLimits("api", 8, OptionalInt.of(60), OptionalInt.empty()), Duration.ofSeconds(10));

        for (int i = 0; i < 13; i++) {
            client.chat(request("hi"));
        }

        // ten seconds' worth go at once, then one a second
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aLowLimitWithoutBurstSpacesEveryCall() throws Exception {
        var client = limited(withLimits("free-tier", 1, OptionalInt.of(2), OptionalInt.empty()), Duration.ZERO);

        for (int i = 0; i < 3; i++) {
            client.chat(request("hi"));
        }

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void tokensPerMinuteAreCorrectedWithTheReportedUsage() throws Exception {
        var client = limited(withLimits("api", 8, OptionalInt.empty(), OptionalInt.of(600)), Duration.ofMinutes(1));
        server.usage = new Usage(10, 5);

        for (int i = 0; i < 20; i++) {
            client.chat(twoHundredTokens());
        }

        // 20 estimates of 200 would be 4,000 tokens; the server reported 15 per call
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void tokensPerMinuteKeepTheEstimateWhenNoUsageIsReported() throws Exception {
        var client = limited(withLimits("api", 8, OptionalInt.empty(), OptionalInt.of(600)), Duration.ofMinutes(1));
        server.usage = Usage.NONE;

        for (int i = 0; i < 4; i++) {
            client.chat(twoHundredTokens());
        }

        // three calls spend the 600; the fourth waits for 200 more at 10 a second
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void aRetryAfterHoldsBackEveryCallerOfTheEndpoint() throws Exception {
        server.failing(1, new LlmException(LlmException.Kind.TRANSIENT, "HTTP 429", 429, Duration.ofSeconds(5), null));
        var client = limited(endpoint("api", 4), RateLimitedLlmClient.DEFAULT_BURST);

        assertThatThrownBy(() -> client.chat(request("hi"))).hasMessage("HTTP 429");
        client.chat(request("hi"));

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void anInterruptWhileWaitingForTheBucketSendsNothing() throws Exception {
        var endpoint = withLimits("api", 1, OptionalInt.of(1), OptionalInt.empty());
        Sleeper interrupted = duration -> {
            throw new InterruptedException();
        };
        var client = new RateLimitedLlmClient(server, endpoint, TokenEstimator.DEFAULT, Duration.ZERO, time, interrupted);
        client.chat(request("first"));

        assertThatThrownBy(() -> client.chat(request("second")))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT))
                .hasMessageContaining("rate limit of api");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(server.calls).hasValue(1);
        assertThat(client.inFlight()).isZero();
    }
}
