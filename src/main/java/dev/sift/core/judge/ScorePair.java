package dev.sift.core.judge;

/** The two scores of one pairwise judgement, in the order the answers were shown (Assistant 1, Assistant 2). */
public record ScorePair(double first, double second) {

    /** +1 when the answer shown first is preferred, −1 when the second is, 0 for a tie. */
    public int preferenceForFirst() {
        return Integer.signum(Double.compare(first, second));
    }
}
