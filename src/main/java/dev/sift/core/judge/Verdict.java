package dev.sift.core.judge;

/** The outcome of one pairwise item for the first model (m1) against the second (m2). */
public enum Verdict {
    WIN, TIE, LOSE;

    /**
     * The §5.2 rule over both orders. {@code a}, {@code b}: m1's and m2's scores when m1 was shown first;
     * {@code aSwapped}, {@code bSwapped}: m1's and m2's scores when m2 was shown first (already mapped back
     * to the models). Win when both comparisons favour m1, or one favours m1 and the other ties; lose by the
     * symmetric rule; tie when both tie or the two comparisons disagree in direction.
     */
    public static Verdict of(double a, double b, double aSwapped, double bSwapped) {
        int first = Double.compare(a, b);
        int second = Double.compare(aSwapped, bSwapped);
        int forM1 = Integer.signum(first) + Integer.signum(second);
        if (forM1 > 0) {
            return WIN;
        }
        if (forM1 < 0) {
            return LOSE;
        }
        return TIE;
    }
}
