package dev.sift.core.llm.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * When and how long {@link RetryingLlmClient} waits before trying a TRANSIENT failure again.
 *
 * <p>The wait before retry {@code r} (1 for the second attempt) is full jitter: a uniform random
 * duration in {@code [0, min(maxBackoff, baseDelay * factor^(r-1)))}. A server's {@code Retry-After}
 * raises it to at least that long; the result never exceeds {@code maxWait}.
 *
 * @param maxAttempts attempts in all, the first included (1 disables retries)
 * @param maxBackoff cap of the exponential backoff, before {@code Retry-After} is considered
 * @param maxWait cap of any single wait, {@code Retry-After} included
 * @param callTimeout deadline of a whole call, all attempts and waits included; zero for none. No
 *     attempt is started, and no wait begun, that would end past it.
 */
public record RetryPolicy(
        int maxAttempts,
        Duration baseDelay,
        double factor,
        Duration maxBackoff,
        Duration maxWait,
        Duration callTimeout) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        if (baseDelay.isNegative() || maxBackoff.isNegative() || maxWait.isNegative() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** 5 attempts, 0.5 s doubling up to 30 s, waits at most 120 s, no call deadline. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), Duration.ofSeconds(120),
                Duration.ZERO);
    }

    /** No retries at all: one attempt. */
    public static RetryPolicy none() {
        return defaults().withMaxAttempts(1);
    }

    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, baseDelay, factor, maxBackoff, maxWait, callTimeout);
    }

    public RetryPolicy withBackoff(Duration base, double growth, Duration cap) {
        return new RetryPolicy(maxAttempts, base, growth, cap, maxWait, callTimeout);
    }

    public RetryPolicy withMaxWait(Duration value) {
        return new RetryPolicy(maxAttempts, baseDelay, factor, maxBackoff, value, callTimeout);
    }

    public RetryPolicy withCallTimeout(Duration value) {
        return new RetryPolicy(maxAttempts, baseDelay, factor, maxBackoff, maxWait, value);
    }

    /** The upper bound of the jittered backoff before retry {@code retry} (1-based). */
    public Duration backoffCeiling(int retry) {
        double nanos = baseDelay.toNanos() * Math.pow(factor, Math.max(0, retry - 1));
        long capped = (long) Math.min(nanos, (double) maxBackoff.toNanos());
        return Duration.ofNanos(capped);
    }

    /** The wait before retry {@code retry} (1-based), given the failure's {@code Retry-After}. */
    public Duration waitBefore(int retry, Optional<Duration> retryAfter, Random random) {
        Duration backoff = Duration.ofNanos((long) (backoffCeiling(retry).toNanos() * random.nextDouble()));
        Duration wait = retryAfter.filter(after -> after.compareTo(backoff) > 0).orElse(backoff);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
