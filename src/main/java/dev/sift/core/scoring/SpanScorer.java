package dev.sift.core.scoring;

import java.util.Arrays;

/** Scores one span of a text with a {@link CausalLmScorer}, in either {@link SpanMode}. */
final class SpanScorer {

    /** The losses of the scored span, and its token length {@code T - s} (negative when truncation cut it off). */
    record Span(double[] nll, int length) {}

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
        Plan plan = plan(prefix, target, anchor, cap);
        return plan.needsModel() ? plan.finish(scorer.tokenNll(plan.ids())) : plan.finish(new double[0]);
    }

    /** What {@link #score} feeds the model, without running it: the ids and where the span starts in them. */
    Plan plan(String prefix, String target, String anchor, int cap) {
        if (cap < 1) {
            return new Plan(new int[0], 0, 0);
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
        return new Plan(ids, start, ids.length - start);
    }

    /**
     * The ids of one span to score, truncated, and the span's start and token length {@code T - s}.
     * Only a span of positive length needs the model.
     */
    record Plan(int[] ids, int start, int length) {

        boolean needsModel() {
            return length > 0;
        }

        /** The span from the losses of {@link #ids()} ({@code tokenNll} of them), or empty when none was needed. */
        Span finish(double[] nll) {
            if (!needsModel()) {
                return new Span(new double[0], length);
            }
            if (nll.length != ids.length) {
                throw new IllegalStateException("scorer returned " + nll.length + " losses for " + ids.length
                        + " ids");
            }
            return new Span(Arrays.copyOfRange(nll, start, ids.length), length);
        }
    }
}
