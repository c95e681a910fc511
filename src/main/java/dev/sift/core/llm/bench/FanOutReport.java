package dev.sift.core.llm.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link FanOutBenchmark} measured, one {@link Level} per concurrency, in the order they ran.
 *
 * @param cpuSource how client CPU time was read (see {@link Level#cpuNanos()})
 * @param jvm the Java runtime that ran the client, e.g. "17.0.15+6 (Debian)"
 * @param processors processors available to that JVM
 * @param warmUpCalls calls made before the levels, at the highest concurrency, not reported
 * @param warmUpNanos how long they took
 */
public record FanOutReport(
        String baseUrl,
        String model,
        Duration latency,
        String cpuSource,
        String jvm,
        int processors,
        int warmUpCalls,
        long warmUpNanos,
        List<Level> levels) {

    /** Achieved requests per second, as a fraction of concurrency / latency, that meets the goal. */
    public static final double THROUGHPUT_GOAL = 0.95;

    /** Client CPU milliseconds per call below which the goal is met. */
    public static final double CPU_GOAL_MILLIS = 0.5;

    public FanOutReport {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(cpuSource, "cpuSource");
        Objects.requireNonNull(jvm, "jvm");
        levels = List.copyOf(levels);
    }

    /** True when every level ran without a failed attempt. */
    public boolean valid() {
        return levels.stream().allMatch(Level::valid);
    }

    /**
     * One concurrency level.
     *
     * @param requests calls made (each may have taken several attempts)
     * @param failedCalls calls that failed even after the engine's retries
     * @param failedAttempts attempts that failed, retried ones included; any makes the level invalid
     * @param wallNanos from the first call sent to the last answer
     * @param cpuNanos CPU time of the whole client process over the same span (all threads: callers,
     *     HTTP, garbage collector, JIT compiler)
     * @param jitMillis of that span, how long the JIT compiler worked; -1 when the JVM does not say
     * @param firstFailure the message of the first failed attempt, if any
     * @param baseline the same calls by a minimal raw-socket client just before, when measured
     */
    public record Level(
            int concurrency,
            int requests,
            int failedCalls,
            int failedAttempts,
            long wallNanos,
            long cpuNanos,
            long jitMillis,
            Duration latency,
            Optional<String> firstFailure,
            Optional<Baseline> baseline) {

        public Level {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(firstFailure, "firstFailure");
            Objects.requireNonNull(baseline, "baseline");
        }

        /** The baseline's ratio to the limit: how close any client gets here; NaN when not measured. */
        public double baselineRatio() {
            return baseline.map(b -> b.requestsPerSecond() / limitPerSecond()).orElse(Double.NaN);
        }

        /** This level's rate over the baseline's; NaN when not measured. */
        public double ratioToBaseline() {
            return baseline.map(b -> requestsPerSecond() / b.requestsPerSecond()).orElse(Double.NaN);
        }

        public Level withBaseline(Optional<Baseline> value) {
            return new Level(concurrency, requests, failedCalls, failedAttempts, wallNanos, cpuNanos, jitMillis,
                    latency, firstFailure, value);
        }

        /** No failed attempt, here or in the baseline. */
        public boolean valid() {
            return failedAttempts == 0 && failedCalls == 0 && baseline.map(Baseline::valid).orElse(true);
        }

        public double seconds() {
            return wallNanos / 1e9;
        }

        /** Calls answered per second of wall time. */
        public double requestsPerSecond() {
            return wallNanos <= 0 ? 0 : (requests - failedCalls) / seconds();
        }

        /** The most a client could achieve: concurrency / latency. */
        public double limitPerSecond() {
            return concurrency / (latency.toNanos() / 1e9);
        }

        /** Achieved / limit; 1.0 means no client overhead at all. */
        public double ratio() {
            return requestsPerSecond() / limitPerSecond();
        }

        /** Client process CPU per call, in milliseconds. */
        public double cpuMillisPerCall() {
            return requests == 0 ? 0 : cpuNanos / 1e6 / requests;
        }

        /** JIT compiler milliseconds per call (part of {@link #cpuMillisPerCall()}), or -1 when unknown. */
        public double jitMillisPerCall() {
            return jitMillis < 0 || requests == 0 ? -1 : (double) jitMillis / requests;
        }

        public boolean meetsThroughputGoal() {
            return valid() && ratio() >= THROUGHPUT_GOAL;
        }

        public boolean meetsCpuGoal() {
            return valid() && cpuMillisPerCall() < CPU_GOAL_MILLIS;
        }
    }

    /**
     * The same calls by a minimal client (a kept-alive socket per worker, prepared request bytes, the
     * answer read but not parsed), measured just before the level at the same concurrency.
     */
    public record Baseline(int requests, int failures, long wallNanos, long cpuNanos, Optional<String> firstFailure) {

        public Baseline {
            Objects.requireNonNull(firstFailure, "firstFailure");
        }

        public boolean valid() {
            return failures == 0;
        }

        public double requestsPerSecond() {
            return wallNanos <= 0 ? 0 : (requests - failures) / (wallNanos / 1e9);
        }

        public double cpuMillisPerCall() {
            return requests == 0 ? 0 : cpuNanos / 1e6 / requests;
        }
    }
}
