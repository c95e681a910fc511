package dev.sift.core.llm.local.bench;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ScoringBenchmark} measured: one {@link Row} per sequence length and batch size, in the
 * order they ran.
 *
 * @param model the export folder's name
 * @param intraOpThreads ONNX Runtime intra-op threads of both sessions, 0 for its default
 * @param rounds times each path scored every sequence
 * @param jvm the Java runtime, e.g. "17.0.15+6 (Debian)"
 * @param processors processors available to that JVM
 */
public record ScoringReport(String model, int intraOpThreads, int rounds, String jvm, int processors,
        List<Row> rows) {

    /** Sift's tokens per second as a fraction of bare {@code session.run}'s that meets the goal. */
    public static final double GOAL = 0.90;

    public ScoringReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(jvm, "jvm");
        rows = List.copyOf(rows);
    }

    /** Sift's samples/s at this row's batch size over its samples/s one by one (batch 1, same length). */
    public double siftBatchingSpeedup(Row row) {
        return oneByOne(row).map(one -> row.siftSamplesPerSecond() / one.siftSamplesPerSecond()).orElse(Double.NaN);
    }

    /** The same for bare {@code session.run}. */
    public double bareBatchingSpeedup(Row row) {
        return oneByOne(row).map(one -> row.bareSamplesPerSecond() / one.bareSamplesPerSecond()).orElse(Double.NaN);
    }

    /** True when every row meets {@link #GOAL}. */
    public boolean meetsGoal() {
        return rows.stream().allMatch(Row::meetsGoal);
    }

    private java.util.Optional<Row> oneByOne(Row row) {
        return rows.stream().filter(r -> r.length() == row.length() && r.batchSize() == 1).findFirst();
    }

    /**
     * One sequence length at one batch size.
     *
     * @param samples sequences scored per round
     * @param siftTokens tokens Sift's path fed to the model over all rounds
     * @param bareTokens tokens the bare path fed over all rounds; equal to {@code siftTokens}
     * @param siftNanos wall time of Sift's path: {@code tokenNll}, with tensors built, the forward pass, the
     *     NLL graph (log-softmax and NLL extraction) and the per-token losses copied out
     * @param bareNanos wall time of the bare path: {@code session.run} on tensors built beforehand, logits left
     *     in the native result
     * @param pairedRatio the median over batches of bare time / Sift time for the same batch run back to back
     *     (equal tokens): the share of throughput Sift keeps, robust to load from elsewhere that changes
     *     between batches, which the ratio of totals ({@link #ratio()}) is not
     * @param meanNll Sift's mean NLL per scored token, a sanity check (about ln(vocabulary) for random weights)
     */
    public record Row(int length, int batchSize, int samples, long siftTokens, long bareTokens, long siftNanos,
            long bareNanos, double pairedRatio, double meanNll) {

        public double siftTokensPerSecond() {
            return siftTokens * 1e9 / siftNanos;
        }

        public double bareTokensPerSecond() {
            return bareTokens * 1e9 / bareNanos;
        }

        public double siftSamplesPerSecond() {
            return siftTokensPerSecond() / length;
        }

        public double bareSamplesPerSecond() {
            return bareTokensPerSecond() / length;
        }

        /** Sift's throughput over the bare path's, from the total measured tokens and times. */
        public double ratio() {
            return siftTokensPerSecond() / bareTokensPerSecond();
        }

        /** Whether {@link #pairedRatio()} reaches {@link #GOAL}. */
        public boolean meetsGoal() {
            return pairedRatio >= GOAL;
        }
    }
}
