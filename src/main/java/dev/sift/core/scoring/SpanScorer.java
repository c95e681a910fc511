package dev.sift.core.scoring;

import java.util.Arrays;

/** Scores one span of a text with a {@link CausalLmScorer}, in either {@link SpanMode}. */
final class SpanScorer {

    /** The losses of the scored span, and its token length {@code T - s} (negative when truncation cut it off). */
    record Span(double[] nll, int length) {
        static final Span EMPTY = new Span(new double[0], 0);
    }

    private final CausalLmScorer scorer;
    private final SpanMode mode;

    SpanScorer(CausalLmScorer scorer, SpanMode mode) {
        this.scorer = scorer;
        this.mode = mode;
    }

    /** Token count of {@code text} with BOS, truncated to {@code maxLength} as the reference does. */
    int promptTokens(String text, int maxLength) {
        return Math.min(scorer.encode(text, true).length, maxLength);
    }

    /**
     * Scores {@code target} after {@code prefix}. The ids are truncated to {@code cap}. In reference mode the span
     * starts at the last occurrence of {@code anchor} in {@code prefix + target}, so for r-IFD the anchor can be the
     * instruction while the target is instruction + input. Position 0 is never scored (it has no prediction).
     */
    Span score(String prefix, String target, String anchor, int cap) {
        if (cap < 1) {
            return Span.EMPTY;
        }
        int[] ids;
        int start;
        if (mode == SpanMode.CONCATENATE) {
            int[] head = scorer.encode(prefix, true);
            int[] tail = scorer.encode(target, false);
            ids = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, ids, head.length, tail.length);
            start = head.length;
        } else {
            String whole = prefix + target;
            ids = scorer.encode(whole, true);
            start = scorer.encode(whole.substring(0, whole.lastIndexOf(anchor)), true).length;
        }
        if (ids.length > cap) {
            ids = Arrays.copyOf(ids, cap);
        }
        start = Math.max(start, 1);
        int length = ids.length - start;
        if (length <= 0) {
            return new Span(new double[0], length);
        }
        double[] nll = scorer.tokenNll(ids);
        if (nll.length != ids.length) {
            throw new IllegalStateException("scorer returned " + nll.length + " losses for " + ids.length + " ids");
        }
        return new Span(Arrays.copyOfRange(nll, start, ids.length), length);
    }
}
