package dev.sift.core.llm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.Parallel;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.engine.LlmEngine;
import dev.sift.core.llm.openai.HttpTimeouts;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how close the real LLM stack (an {@link LlmEngine} with default settings over an
 * {@link OpenAiCompatibleClient}, no cache) comes to the throughput limit of a fixed-latency server:
 * at concurrency c and latency L no client can exceed c / L requests per second, so the ratio of the
 * achieved rate to that limit is the share of time the client itself does not lose. Also measures the
 * client process's CPU time per call, and how much of it the JIT compiler took.
 *
 * <p>One call to the server (with no retries) is made first, so that an unreachable server fails the
 * job at once. Then a warm-up, not reported: rounds at the highest concurrency (baseline included)
 * until the JIT compiler has settled (it worked less than {@value #JIT_QUIET_PERCENT}% of a round's
 * wall time) or {@link FanOutRequest#maxWarmUp()} has passed. Then each level: an endpoint with
 * {@code maxConcurrency = c}, its own engine, and its requests issued through
 * {@link Parallel#forEach} with parallelism c. Failed attempts are counted, not thrown: a level with
 * any is reported as invalid. Unless switched off, each level is preceded by the same calls from
 * {@link RawHttpBaseline}, a minimal client, which shows how close this machine and server let any
 * client come to the limit.
 *
 * <p>Cancellable between and during levels; progress counts the calls of the reported levels.
 */
public final class FanOutBenchmark implements Job<FanOutReport> {

    /** The warm-up ends after a round in which the JIT worked less than this share of the time. */
    static final int JIT_QUIET_PERCENT = 5;

    private static final int MIN_WARM_UP_ROUNDS = 2;
    private static final int ROUNDS_WITHOUT_JIT_CLOCK = 3;
    private static final String PROMPT = "Reply with the word OK.";
    private static final int MAX_TOKENS = 8;

    private final FanOutRequest request;
    private final EngineSettings settings;
    private final ProcessCpu cpu = ProcessCpu.create();
    private final Optional<RawHttpBaseline> baseline;

    /** With the engine's default settings (retries, circuit breaker), as a real run would use. */
    public FanOutBenchmark(FanOutRequest request) {
        this(request, EngineSettings.defaults());
    }

    public FanOutBenchmark(FanOutRequest request, EngineSettings settings) {
        this.request = Objects.requireNonNull(request, "request");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.baseline = request.baseline()
                ? RawHttpBaseline.forUrl(request.baseUrl(), baselineBody(request.model()), readTimeoutMillis())
                : Optional.empty();
    }

    private static String baselineBody(String model) {
        var json = new ObjectMapper().createObjectNode();
        json.put("model", model).put("max_tokens", MAX_TOKENS);
        json.putArray("messages").addObject().put("role", Message.USER).put("content", PROMPT);
        return json.toString();
    }

    @Override
    public String title() {
        return "Fan-out benchmark against " + request.baseUrl();
    }

    @Override
    public FanOutReport run(JobContext context) throws Exception {
        ChatRequest chat = new ChatRequest(request.model(), List.of(new Message(Message.USER, PROMPT)),
                ChatParameters.defaults().withMaxTokens(MAX_TOKENS));
        context.message("Checking " + request.baseUrl());
        client().chat(chat);

        long warmUpStart = System.nanoTime();
        int warmUpCalls = warmUp(chat, context);
        long warmUpNanos = System.nanoTime() - warmUpStart;

        long total = request.concurrencies().stream().mapToLong(request::requestsFor).sum();
        var progress = new Progress(context, total);
        List<FanOutReport.Level> levels = new ArrayList<>();
        for (int c : request.concurrencies()) {
            context.checkCancelled();
            int n = request.requestsFor(c);
            Optional<FanOutReport.Baseline> base = Optional.empty();
            if (baseline.isPresent()) {
                context.message("Concurrency " + c + ": " + n + " calls by the raw-socket baseline");
                base = Optional.of(baseline.get().run(c, n, context, cpu));
            }
            context.message("Concurrency " + c + ": " + n + " calls through the LLM engine");
            levels.add(runLevel(c, n, chat, context, progress).withBaseline(base));
        }
        String jvm = Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
        return new FanOutReport(request.baseUrl(), request.model(), request.latency(), cpu.source(), jvm,
                Runtime.getRuntime().availableProcessors(), warmUpCalls, warmUpNanos, levels);
    }

    /** Runs warm-up rounds at the highest concurrency; returns the calls made. */
    private int warmUp(ChatRequest chat, JobContext context) throws Exception {
        if (request.maxWarmUp().isZero()) {
            return 0;
        }
        int c = request.maxConcurrency();
        int n = Math.min(request.requestsFor(c), Math.max(4 * c, FanOutRequest.MIN_REQUESTS));
        long deadline = System.nanoTime() + request.maxWarmUp().toNanos();
        int calls = 0;
        for (int round = 1; ; round++) {
            context.checkCancelled();
            long jitBefore = cpu.jitMillis();
            long start = System.nanoTime();
            if (baseline.isPresent()) {
                baseline.get().run(c, n, context, cpu);
            }
            runLevel(c, n, chat, context, null);
            calls += n;
            long wall = System.nanoTime() - start;
            long jit = cpu.jitMillis() - jitBefore;
            long jitPercent = jitBefore < 0 ? -1 : Math.round(jit * 1e8 / wall);
            context.message(String.format(Locale.ROOT, "Warm-up round %d at concurrency %d: %d calls, JIT busy %s",
                    round, c, n, jitPercent < 0 ? "(unknown)" : jitPercent + "%"));
            boolean settled = jitPercent < 0 ? round >= ROUNDS_WITHOUT_JIT_CLOCK
                    : round >= MIN_WARM_UP_ROUNDS && jitPercent < JIT_QUIET_PERCENT;
            if (settled || System.nanoTime() - deadline >= 0) {
                return calls;
            }
        }
    }

    private FanOutReport.Level runLevel(int c, int n, ChatRequest chat, JobContext context, Progress progress)
            throws Exception {
        Endpoint endpoint = new Endpoint(0, "fan-out-" + c, EndpointKind.OPENAI, request.baseUrl(), "", "", c,
                OptionalInt.empty(), OptionalInt.empty(), 0, 0, "");
        CountingLlmClient counting = new CountingLlmClient(client());
        LlmEngine engine = LlmEngine.builder(List.of(endpoint), e -> counting).settings(settings).build();
        List<Integer> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(i);
        }
        var failedCalls = new AtomicInteger();
        long jitBefore = cpu.jitMillis();
        long cpuBefore = cpu.nanos();
        long start = System.nanoTime();
        Parallel.forEach(calls, c, context, call -> {
            try {
                engine.chat(chat);
            } catch (LlmException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                failedCalls.incrementAndGet();
            }
            if (progress != null) {
                progress.done();
            }
        });
        long wall = System.nanoTime() - start;
        long cpuUsed = cpu.nanos() - cpuBefore;
        long jitAfter = cpu.jitMillis();
        long jit = jitBefore < 0 || jitAfter < 0 ? -1 : jitAfter - jitBefore;
        return new FanOutReport.Level(c, n, failedCalls.get(), counting.failures(), wall, cpuUsed, jit,
                request.latency(), Optional.ofNullable(counting.firstFailure()), Optional.empty());
    }

    /** The read limit leaves room for a slow server and a busy client. */
    private Duration readTimeout() {
        return request.latency().multipliedBy(20).plusSeconds(30);
    }

    private int readTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, readTimeout().toMillis());
    }

    /** A single-attempt client. */
    private LlmClient client() {
        Duration read = readTimeout();
        return new OpenAiCompatibleClient(request.baseUrl(), Optional.empty(), "fan-out benchmark server",
                new HttpTimeouts(Duration.ofSeconds(10), read, Duration.ZERO));
    }

    /** Counts calls done over all levels and reports them; thread-safe. */
    private static final class Progress {
        private final JobContext context;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        Progress(JobContext context, long total) {
            this.context = context;
            this.total = total;
        }

        void done() {
            context.progress(done.incrementAndGet(), total);
        }
    }
}
