package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries TRANSIENT failures of the wrapped client with exponential backoff and full jitter, honouring
 * the server's {@code Retry-After} (see {@link RetryPolicy}). PERMANENT, UNSUPPORTED and REFUSED
 * failures, and failures caused by interrupting the caller, are thrown at once.
 *
 * <p>Threading: thread-safe, holds no lock while calling or waiting. Blocking: blocks the caller for
 * all attempts and the waits between them, never longer than the policy's call timeout. Cancellation:
 * an interrupt during a wait ends the call promptly with a TRANSIENT {@link LlmException} whose cause
 * is the {@link InterruptedException}; the interrupt flag stays set.
 *
 * <p>When it gives up, the exception says {@code "after N attempts: <last reason>"} and keeps the last
 * failure's kind, status and {@code Retry-After}, with that failure as its cause. A stream is retried
 * only while nothing has reached the listener, so the listener never sees text twice.
 */
public final class RetryingLlmClient implements LlmClient {

    private static final Logger log = LoggerFactory.getLogger(RetryingLlmClient.class);

    private final LlmClient delegate;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;

    /** Retries with the system clock, real sleeps and an unseeded random. */
    public RetryingLlmClient(LlmClient delegate, RetryPolicy policy) {
        this(delegate, policy, Clock.systemUTC(), Sleeper.SYSTEM, new Random());
    }

    public RetryingLlmClient(LlmClient delegate, RetryPolicy policy, Clock clock, Sleeper sleeper, Random random) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public List<String> models() throws LlmException {
        return execute(delegate::models, () -> true);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return execute(() -> delegate.chat(request), () -> true);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        StartedListener started = new StartedListener(listener);
        return execute(() -> delegate.stream(request, started), () -> !started.started);
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return execute(() -> delegate.score(request), () -> true);
    }

    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return execute(() -> delegate.tokenize(model, text, addSpecialTokens), () -> true);
    }

    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return execute(() -> delegate.promptLogprobs(model, prompts), () -> true);
    }

    private <T> T execute(LlmCall<T> call, BooleanSupplier mayRetry) throws LlmException {
        Instant deadline = policy.callTimeout().isZero() ? null : clock.instant().plus(policy.callTimeout());
        for (int attempt = 1; ; attempt++) {
            LlmException failure;
            try {
                return call.call();
            } catch (LlmException e) {
                failure = e;
            }
            if (!failure.isTransient() || Interruptions.isInterruption(failure)) {
                throw failure;
            }
            if (!mayRetry.getAsBoolean()) {
                throw wrap("the stream broke after text had arrived, so it was not retried: ", failure);
            }
            if (attempt >= policy.maxAttempts()) {
                throw wrap("after " + attempt + " attempts: ", failure);
            }
            Duration wait = policy.waitBefore(attempt, failure.retryAfter(), random);
            if (deadline != null && !clock.instant().plus(wait).isBefore(deadline)) {
                throw wrap("call deadline of " + seconds(policy.callTimeout()) + " reached after " + attempt
                        + " attempts: ", failure);
            }
            log.debug("attempt {} failed, retrying in {} ms: {}", attempt, wait.toMillis(), failure.getMessage());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                throw Interruptions.interrupted("waiting to retry (" + failure.getMessage() + ")", e);
            }
        }
    }

    private static LlmException wrap(String prefix, LlmException last) {
        return new LlmException(last.kind(), prefix + last.getMessage(), last.httpStatus(),
                last.retryAfter().orElse(null), last);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Remembers whether any text reached the caller's listener. */
    private static final class StartedListener implements StreamListener {
        private final StreamListener target;
        private volatile boolean started;

        StartedListener(StreamListener target) {
            this.target = Objects.requireNonNull(target, "listener");
        }

        @Override
        public void onDelta(int index, String text) {
            started = true;
            target.onDelta(index, text);
        }
    }
}
