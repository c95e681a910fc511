package dev.sift.core.llm.bench;

import dev.sift.core.job.testing.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.engine.RetryPolicy;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping against a loopback server; no timing is asserted. */
class FanOutBenchmarkTest {

    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final String COMPLETION = ScriptedOpenAiServer.chatCompletion(List.of("OK"), new Usage(12, 1));

    private ScriptedOpenAiServer server;
    private final AtomicInteger chats = new AtomicInteger();

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers every chat after the latency; {@code failFrom} and later chats get a 400. */
    private void answerChats(int failFrom) {
        server.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().equals("/v1/chat/completions")) {
                    return new MockResponse.Builder().code(404).body("{}").build();
                }
                int n = chats.incrementAndGet();
                if (n >= failFrom) {
                    return new MockResponse.Builder().code(400)
                            .body("{\"error\":{\"message\":\"scripted failure\"}}").build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(COMPLETION).headersDelay(LATENCY.toMillis(), TimeUnit.MILLISECONDS).build();
            }
        });
    }

    private FanOutRequest request(Integer... concurrencies) {
        return FanOutRequest.of(server.baseUrl(), LATENCY, List.of(concurrencies)).withRequests(6)
                .withMaxWarmUp(Duration.ZERO).withBaseline(false);
    }

    private static FanOutBenchmark bench(FanOutRequest request) {
        return new FanOutBenchmark(request);
    }

    @Test
    void reportsEachLevelFromWhatItMeasured() throws Exception {
        answerChats(Integer.MAX_VALUE);
        var context = TestContext.running();

        FanOutReport report = bench(request(2, 4)).run(context);

        assertThat(report.levels()).extracting(FanOutReport.Level::concurrency).containsExactly(2, 4);
        assertThat(report.levels()).extracting(FanOutReport.Level::requests).containsExactly(6, 8);
        assertThat(chats.get()).isEqualTo(1 + 6 + 8);
        assertThat(report.valid()).isTrue();
        assertThat(report.warmUpCalls()).isZero();
        assertThat(report.latency()).isEqualTo(LATENCY);
        for (FanOutReport.Level level : report.levels()) {
            assertThat(level.failedCalls()).isZero();
            assertThat(level.failedAttempts()).isZero();
            assertThat(level.wallNanos()).isPositive();
            assertThat(level.limitPerSecond()).isCloseTo(level.concurrency() / 0.020, within(1e-9));
            assertThat(level.requestsPerSecond()).isCloseTo(level.requests() / level.seconds(), within(1e-6));
            assertThat(level.ratio()).isCloseTo(level.requestsPerSecond() / level.limitPerSecond(), within(1e-12));
            assertThat(level.cpuNanos()).isNotNegative();
            assertThat(level.cpuMillisPerCall()).isCloseTo(level.cpuNanos() / 1e6 / level.requests(), within(1e-12));
            assertThat(level.baseline()).isEmpty();
            assertThat(level.baselineRatio()).isNaN();
        }
        assertThat(context.lastDone()).isEqualTo(14);
        assertThat(context.lastTotal()).isEqualTo(14);
    }

    @Test
    void theBaselineAndTheWarmUpMakeTheSameCallsAndAreMeasuredApart() throws Exception {
        answerChats(Integer.MAX_VALUE);
        FanOutRequest request = FanOutRequest.of(server.baseUrl(), LATENCY, List.of(3)).withRequests(6)
                .withMaxWarmUp(Duration.ofSeconds(1));

        FanOutReport report = bench(request).run(TestContext.running());

        FanOutReport.Level level = report.levels().get(0);
        assertThat(report.warmUpCalls()).isPositive().isEqualTo(report.warmUpCalls() / 6 * 6);
        assertThat(level.baseline()).hasValueSatisfying(b -> {
            assertThat(b.requests()).isEqualTo(6);
            assertThat(b.failures()).isZero();
            assertThat(b.cpuMillisPerCall()).isNotNegative();
        });
        assertThat(level.baselineRatio()).isCloseTo(level.baseline().get().requestsPerSecond() / level.limitPerSecond(),
                within(1e-12));
        assertThat(level.ratioToBaseline()).isCloseTo(level.ratio() / level.baselineRatio(), within(1e-9));
        assertThat(level.valid()).isTrue();
        // probe + warm-up rounds (baseline and engine each) + the level's baseline and engine calls
        assertThat(chats.get()).isEqualTo(1 + 2 * report.warmUpCalls() + 6 + 6);
        assertThat(server.server().getRequestCount()).isEqualTo(chats.get());
    }

    @Test
    void failedCallsAreCountedAndMakeTheLevelInvalid() throws Exception {
        answerChats(2);
        var settings = EngineSettings.defaults().withRetry(RetryPolicy.none());

        FanOutReport report = new FanOutBenchmark(request(2), settings).run(TestContext.running());

        FanOutReport.Level level = report.levels().get(0);
        assertThat(level.failedCalls()).isEqualTo(6);
        assertThat(level.failedAttempts()).isEqualTo(6);
        assertThat(level.valid()).isFalse();
        assertThat(level.meetsThroughputGoal()).isFalse();
        assertThat(level.meetsCpuGoal()).isFalse();
        assertThat(level.firstFailure()).hasValueSatisfying(m -> assertThat(m).contains("scripted failure"));
        assertThat(report.valid()).isFalse();
    }

    @Test
    void anUnreachableServerFailsAtOnce() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        FanOutRequest request = FanOutRequest.of("http://127.0.0.1:" + closed + "/v1", LATENCY, List.of(2));

        assertThatThrownBy(() -> bench(request).run(TestContext.running()))
                .isInstanceOf(LlmException.class).hasMessageContaining("127.0.0.1:" + closed);
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        answerChats(Integer.MAX_VALUE);
        var context = TestContext.cancelledAfter(3);

        assertThatThrownBy(() -> bench(request(1, 1).withRequests(20)).run(context))
                .isInstanceOf(JobCancelledException.class);
        assertThat(chats.get()).isLessThan(1 + 40);
    }
}
