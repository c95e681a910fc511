package dev.sift.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Top-k selection by IFD (ALGORITHMS.md §3.1 Phase 3, §3.4). Samples that fail the threshold, and NaN scores, are
 * dropped; the rest are sorted by (score descending, index ascending); the first n are returned in original index
 * order.
 *
 * @param threshold which scores are kept
 * @param rateBase what the rate is a fraction of
 */
public record IfdSelection(Threshold threshold, RateBase rateBase) {

    /** Which scores pass. NaN never passes. */
    public enum Threshold {
        /** Keep IFD &le; 1 (Cherry v1 drops &gt; 1; Cherry v2 keeps &le; 1). */
        AT_MOST_ONE,
        /** Keep IFD &lt; 1 (Superfiltering). */
        BELOW_ONE,
        /** Keep every finite-or-infinite non-NaN score. */
        ANY
    }

    /** What {@code n = int(base × rate)} is computed from. */
    public enum RateBase {
        /** The samples that passed the threshold (Cherry v1). */
        KEPT,
        /** All samples (Cherry v2, Superfiltering with {@code len(data)} for the hard-coded 52002). */
        ALL
    }

    /** Cherry v1: drop &gt; 1 and NaN, n relative to the kept pool. */
    public static final IfdSelection CHERRY_V1 = new IfdSelection(Threshold.AT_MOST_ONE, RateBase.KEPT);
    /** Cherry v2: keep &le; 1, n relative to all samples. */
    public static final IfdSelection CHERRY_V2 = new IfdSelection(Threshold.AT_MOST_ONE, RateBase.ALL);
    /** Superfiltering: keep &lt; 1 strictly, n relative to all samples. */
    public static final IfdSelection SUPERFILTERING = new IfdSelection(Threshold.BELOW_ONE, RateBase.ALL);

    public IfdSelection {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(rateBase, "rateBase");
    }

    /** Indices of the samples that pass the threshold, ascending. */
    public int[] kept(double[] scores) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (passes(scores[i])) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Selects {@code int(base × rate)} samples (Python's truncating {@code int}), in original index order. */
    public int[] select(double[] scores, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1]");
        }
        int[] kept = kept(scores);
        int base = rateBase == RateBase.KEPT ? kept.length : scores.length;
        return top(scores, kept, (int) (base * rate));
    }

    /** Selects the top {@code count} passing samples (fewer when fewer pass), in original index order. */
    public int[] selectCount(double[] scores, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return top(scores, kept(scores), count);
    }

    private boolean passes(double score) {
        return switch (threshold) {
            case AT_MOST_ONE -> score <= 1;
            case BELOW_ONE -> score < 1;
            case ANY -> !Double.isNaN(score);
        };
    }

    private static int[] top(double[] scores, int[] kept, int n) {
        Integer[] order = Arrays.stream(kept).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        int[] chosen = new int[Math.min(n, order.length)];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = order[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
