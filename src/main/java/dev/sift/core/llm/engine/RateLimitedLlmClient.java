package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.ToLongFunction;

/**
 * Keeps calls to one endpoint within its limits: at most {@link Endpoint#maxConcurrency()} in flight
 * (a fair semaphore), and token buckets for {@link Endpoint#requestsPerMinute()} and
 * {@link Endpoint#tokensPerMinute()}. A call's token cost is estimated before it is sent (prompt
 * chars / 4 + {@code max_tokens}, see {@link TokenEstimator}) and corrected with the server's reported
 * usage afterwards. When the server answers with a {@code Retry-After}, every caller of this endpoint
 * holds back until it has passed (at most {@link #MAX_PAUSE}).
 *
 * <p>Threading: thread-safe. Blocking: the caller's own thread waits for a slot and for the buckets,
 * through the injected {@link Sleeper}; this class starts no threads. Cancellation: an interrupt while
 * waiting ends the call with a TRANSIENT {@link LlmException} and the interrupt flag set; nothing is
 * sent and the reserved tokens are given back.
 */
public final class RateLimitedLlmClient implements LlmClient {

    /** The longest pause a single {@code Retry-After} imposes on the whole endpoint. */
    public static final Duration MAX_PAUSE = Duration.ofMinutes(2);

    /** The default burst: ten seconds' worth of each per-minute limit may be spent at once. */
    public static final Duration DEFAULT_BURST = Duration.ofSeconds(10);

    private final LlmClient delegate;
    private final Endpoint endpoint;
    private final TokenEstimator estimator;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Semaphore slots;
    private final Optional<TokenBucket> requests;
    private final Optional<TokenBucket> tokens;
    private final Object pauseLock = new Object();
    private Instant pausedUntil = Instant.MIN;

    /** Limits with the default estimator and burst, the system clock and real sleeps. */
    public RateLimitedLlmClient(LlmClient delegate, Endpoint endpoint) {
        this(delegate, endpoint, TokenEstimator.DEFAULT, DEFAULT_BURST, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    public RateLimitedLlmClient(LlmClient delegate, Endpoint endpoint, TokenEstimator estimator, Duration burst,
            Clock clock, Sleeper sleeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.slots = new Semaphore(endpoint.maxConcurrency(), true);
        var rpm = endpoint.requestsPerMinute();
        var tpm = endpoint.tokensPerMinute();
        this.requests = rpm.isPresent() ? Optional.of(new TokenBucket(rpm.getAsInt(), burst, clock)) : Optional.empty();
        this.tokens = tpm.isPresent() ? Optional.of(new TokenBucket(tpm.getAsInt(), burst, clock)) : Optional.empty();
    }

    /** Calls in flight on this endpoint right now (sent or waiting for a bucket). */
    public int inFlight() {
        return endpoint.maxConcurrency() - slots.availablePermits();
    }

    @Override
    public List<String> models() throws LlmException {
        return limit(0, delegate::models, models -> 0);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return limit(estimator.totalTokens(request), () -> delegate.chat(request), RateLimitedLlmClient::tokensUsed);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return limit(estimator.totalTokens(request), () -> delegate.stream(request, listener),
                RateLimitedLlmClient::tokensUsed);
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return limit(estimator.promptTokens(request), () -> delegate.score(request),
                result -> result.promptTokens() + (long) result.continuationTokens().size());
    }

    /** Counts as a request; its tokens are guessed from the text's length. */
    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return limit(estimator.tokens(text), () -> delegate.tokenize(model, text, addSpecialTokens),
                result -> result.ids().length);
    }

    /** Counts as one request of all the prompts' tokens plus one generated token per prompt, known up front. */
    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        long tokens = promptLogprobsTokens(prompts);
        return limit(tokens, () -> delegate.promptLogprobs(model, prompts), result -> tokens);
    }

    /** The tokens a {@code promptLogprobs} call costs the server: every prompt token, and one generated per prompt. */
    static long promptLogprobsTokens(List<int[]> prompts) {
        long tokens = 0;
        for (int[] ids : prompts) {
            tokens += ids.length + 1L;
        }
        return tokens;
    }

    private static long tokensUsed(ChatResponse response) {
        Usage usage = response.usage();
        return usage.promptTokens() + usage.completionTokens();
    }

    /**
     * Takes a slot and the bucket tokens, makes the call, then corrects the token bucket with the real
     * cost ({@code actual} of the answer; 0 means "not reported" and keeps the estimate).
     */
    private <T> T limit(long estimate, LlmCall<T> call, ToLongFunction<T> actual) throws LlmException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            throw Interruptions.interrupted("waiting for a free slot on " + endpoint.name(), e);
        }
        try {
            waitForBuckets(estimate);
            T result;
            try {
                result = call.call();
            } catch (LlmException e) {
                e.retryAfter().ifPresent(this::pauseFor);
                throw e;
            }
            long used = actual.applyAsLong(result);
            if (used > 0 && tokens.isPresent()) {
                tokens.get().adjust(estimate - used);
            }
            return result;
        } finally {
            slots.release();
        }
    }

    private void waitForBuckets(long estimate) throws LlmException {
        Duration wait = Duration.ZERO;
        if (requests.isPresent()) {
            wait = requests.get().reserve(1);
        }
        if (tokens.isPresent() && estimate > 0) {
            Duration tokenWait = tokens.get().reserve(estimate);
            wait = tokenWait.compareTo(wait) > 0 ? tokenWait : wait;
        }
        Duration pause = remainingPause();
        wait = pause.compareTo(wait) > 0 ? pause : wait;
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            requests.ifPresent(bucket -> bucket.adjust(1));
            tokens.ifPresent(bucket -> bucket.adjust(estimate));
            throw Interruptions.interrupted("waiting for the rate limit of " + endpoint.name(), e);
        }
    }

    private void pauseFor(Duration retryAfter) {
        Duration pause = retryAfter.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : retryAfter;
        Instant until = clock.instant().plus(pause);
        synchronized (pauseLock) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
        }
    }

    private Duration remainingPause() {
        Instant until;
        synchronized (pauseLock) {
            until = pausedUntil;
        }
        Instant now = clock.instant();
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }
}
