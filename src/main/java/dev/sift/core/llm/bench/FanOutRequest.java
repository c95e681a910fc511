package dev.sift.core.llm.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What {@link FanOutBenchmark} measures: chat calls to an OpenAI-compatible server that answers after
 * a known, fixed latency, at each of several concurrency levels.
 *
 * @param baseUrl the API root including its version, e.g. {@code http://127.0.0.1:8000/v1}
 * @param model the model id sent with each request
 * @param latency how long the server takes per answer; the limit of a level is concurrency / latency
 * @param concurrencies the levels, in the order they run; each at least 1
 * @param requests requests per level; empty for {@link #requestsFor(int) the default}
 * @param maxLevelTime how long a level with the default request count may take at the limit
 * @param maxWarmUp how long the unreported warm-up before the levels may last; zero for none
 * @param baseline whether each level is preceded by the same calls from a minimal raw-socket client
 *     (plain http only), to show how close any client can come on this machine
 */
public record FanOutRequest(
        String baseUrl,
        String model,
        Duration latency,
        List<Integer> concurrencies,
        OptionalInt requests,
        Duration maxLevelTime,
        Duration maxWarmUp,
        boolean baseline) {

    /** The default model id; a test server ignores it. */
    public static final String DEFAULT_MODEL = "latency-bench";

    /** How long a level with the default request count takes at the limit, at most. */
    public static final Duration DEFAULT_MAX_LEVEL_TIME = Duration.ofSeconds(10);

    /** The default request count of a level is at least this many... */
    static final int MIN_REQUESTS = 400;

    /** ...and at least this many rounds of the level's concurrency. */
    static final int MIN_ROUNDS = 8;

    /** The default limit of the warm-up. */
    public static final Duration DEFAULT_MAX_WARM_UP = Duration.ofSeconds(30);

    public FanOutRequest {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
        concurrencies = List.copyOf(concurrencies);
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(maxLevelTime, "maxLevelTime");
        Objects.requireNonNull(maxWarmUp, "maxWarmUp");
        if (latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("the server's latency must be positive, was " + latency);
        }
        if (concurrencies.isEmpty()) {
            throw new IllegalArgumentException("at least one concurrency level is needed");
        }
        for (int c : concurrencies) {
            if (c < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + c);
            }
        }
        if (requests.isPresent() && requests.getAsInt() < 1) {
            throw new IllegalArgumentException("requests per level must be at least 1, was " + requests.getAsInt());
        }
        if (maxLevelTime.isNegative() || maxLevelTime.isZero()) {
            throw new IllegalArgumentException("maxLevelTime must be positive");
        }
        if (maxWarmUp.isNegative()) {
            throw new IllegalArgumentException("maxWarmUp must not be negative");
        }
    }

    /** Default request counts, the default warm-up, the default model. */
    public static FanOutRequest of(String baseUrl, Duration latency, List<Integer> concurrencies) {
        return new FanOutRequest(baseUrl, DEFAULT_MODEL, latency, concurrencies, OptionalInt.empty(),
                DEFAULT_MAX_LEVEL_TIME, DEFAULT_MAX_WARM_UP, true);
    }

    public FanOutRequest withModel(String value) {
        return new FanOutRequest(baseUrl, value, latency, concurrencies, requests, maxLevelTime, maxWarmUp, baseline);
    }

    public FanOutRequest withRequests(int value) {
        return new FanOutRequest(baseUrl, model, latency, concurrencies, OptionalInt.of(value), maxLevelTime, maxWarmUp, baseline);
    }

    public FanOutRequest withMaxWarmUp(Duration value) {
        return new FanOutRequest(baseUrl, model, latency, concurrencies, requests, maxLevelTime, value, baseline);
    }

    public FanOutRequest withBaseline(boolean value) {
        return new FanOutRequest(baseUrl, model, latency, concurrencies, requests, maxLevelTime, maxWarmUp, value);
    }

    /** The highest concurrency, at which the warm-up runs. */
    public int maxConcurrency() {
        return Collections.max(concurrencies);
    }

    /**
     * Requests at concurrency {@code c}, always whole rounds of {@code c} (so that the last round is
     * as full as the others and the limit c / latency stays reachable): the requested count rounded
     * up, or by default {@code max(8c, 400)}, capped at the rounds that fit in {@link #maxLevelTime}.
     */
    public int requestsFor(int c) {
        long wanted;
        if (requests.isPresent()) {
            wanted = requests.getAsInt();
        } else {
            long roundsThatFit = Math.max(1, maxLevelTime.toNanos() / latency.toNanos());
            wanted = Math.min(Math.max((long) MIN_ROUNDS * c, MIN_REQUESTS), roundsThatFit * c);
        }
        long rounds = (wanted + c - 1) / c;
        return (int) Math.min(Integer.MAX_VALUE, rounds * c);
    }
}
