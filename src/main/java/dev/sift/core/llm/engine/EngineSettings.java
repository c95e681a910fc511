package dev.sift.core.llm.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link LlmEngine} retries, trips its circuit breakers, smooths rate limits and estimates
 * tokens. Per-endpoint limits (concurrency, requests and tokens per minute, prices) come from the
 * {@code Endpoint}s themselves.
 *
 * @param retry retries of TRANSIENT failures and the whole-call deadline
 * @param failureThreshold consecutive TRANSIENT failures that open an endpoint's circuit
 * @param coolDown how long an open circuit refuses calls before one probe goes through
 * @param rateBurst how much of a per-minute limit may be spent at once, as time's worth of it
 * @param tokens the estimate of tokens before a call, for rate limits and the budget
 */
public record EngineSettings(
        RetryPolicy retry,
        int failureThreshold,
        Duration coolDown,
        Duration rateBurst,
        TokenEstimator tokens) {

    public EngineSettings {
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(coolDown, "coolDown");
        Objects.requireNonNull(rateBurst, "rateBurst");
        Objects.requireNonNull(tokens, "tokens");
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        if (coolDown.isNegative() || rateBurst.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /**
     * 5 attempts with backoff 0.5 s doubling to 30 s (waits at most 120 s), circuits open after 5
     * transient failures in a row for 30 s, 10 s bursts, 4 characters per token.
     */
    public static EngineSettings defaults() {
        return new EngineSettings(RetryPolicy.defaults(), 5, Duration.ofSeconds(30),
                RateLimitedLlmClient.DEFAULT_BURST, TokenEstimator.DEFAULT);
    }

    public EngineSettings withRetry(RetryPolicy value) {
        return new EngineSettings(value, failureThreshold, coolDown, rateBurst, tokens);
    }

    public EngineSettings withCircuit(int threshold, Duration value) {
        return new EngineSettings(retry, threshold, value, rateBurst, tokens);
    }

    public EngineSettings withRateBurst(Duration value) {
        return new EngineSettings(retry, failureThreshold, coolDown, value, tokens);
    }

    public EngineSettings withTokens(TokenEstimator value) {
        return new EngineSettings(retry, failureThreshold, coolDown, rateBurst, value);
    }
}
