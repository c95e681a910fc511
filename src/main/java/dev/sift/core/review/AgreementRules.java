package dev.sift.core.review;

/**
 * When a judge, IFD and a curator count as agreeing (a RESOLUTION of ours; the papers define no such rule).
 *
 * <ul>
 *   <li>The judge keeps a sample when its score is at least {@code judgeKeepAtLeast} (7 on the 1–10 scale).</li>
 *   <li>IFD keeps a sample when its IFD is below {@code ifdThreshold} (1, the Cherry rule) and at or above the
 *       {@code ifdKeepQuantile} quantile of the finite IFDs in view (0.5: the harder half), the way a top-k selection
 *       by IFD would.</li>
 *   <li>The curator keeps a sample when the curator chose or edited it.</li>
 *   <li>The algorithm and the curator agree when both kept the same candidate or both rejected it; an edit is a
 *       change, so it disagrees.</li>
 * </ul>
 */
public record AgreementRules(double judgeKeepAtLeast, double ifdThreshold, double ifdKeepQuantile) {

    public AgreementRules {
        if (!(ifdKeepQuantile >= 0 && ifdKeepQuantile <= 1)) {
            throw new IllegalArgumentException("ifdKeepQuantile must be within 0..1");
        }
    }

    public static AgreementRules defaults() {
        return new AgreementRules(7, 1.0, 0.5);
    }
}
