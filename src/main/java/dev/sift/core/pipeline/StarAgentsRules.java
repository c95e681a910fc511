package dev.sift.core.pipeline;

import java.util.OptionalDouble;

/**
 * The filters and combined score of ALGORITHMS.md §1.2 (all RESOLUTION rules, all configurable): a candidate is
 * dropped when {@code dS} or {@code dL} is not a number or at least {@code ifdMax} (misaligned), when
 * {@code dS - dL > tauGap} (too hard for the target), or when the judge gave no rating; otherwise its score is
 * {@code alpha * dL + (1 - alpha) * q} with {@code q = judge / 10}, or {@code dL} alone when the run has no judge.
 */
public record StarAgentsRules(double alpha, double tauGap, double ifdMax, boolean withJudge) {

    /** Why a candidate was dropped, or {@link #PASSED}. */
    public enum Verdict {
        PASSED("passed"),
        UNSCORED("no IFD (skipped by the scorer)"),
        MISALIGNED("IFD at or above the maximum"),
        TOO_HARD("dS - dL above tau_gap"),
        JUDGE_UNPARSED("the judge gave no rating");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The IFD filters, before the judge is asked. */
    public Verdict ifdVerdict(double dS, double dL) {
        if (Double.isNaN(dS) || Double.isNaN(dL)) {
            return Verdict.UNSCORED;
        }
        if (dS >= ifdMax || dL >= ifdMax) {
            return Verdict.MISALIGNED;
        }
        if (dS - dL > tauGap) {
            return Verdict.TOO_HARD;
        }
        return Verdict.PASSED;
    }

    /**
     * The full evaluation of a candidate.
     *
     * @param judgeScore the judge's 1–10 rating; empty when unparsed or when the run has no judge
     */
    public Evaluation evaluate(double dS, double dL, OptionalDouble judgeScore) {
        Verdict verdict = ifdVerdict(dS, dL);
        if (verdict == Verdict.PASSED && withJudge && judgeScore.isEmpty()) {
            verdict = Verdict.JUDGE_UNPARSED;
        }
        double q = withJudge && judgeScore.isPresent() ? judgeScore.getAsDouble() / 10.0 : Double.NaN;
        double score = verdict != Verdict.PASSED ? Double.NaN : withJudge ? alpha * dL + (1 - alpha) * q : dL;
        return new Evaluation(dS, dL, q, score, verdict);
    }

    /** A candidate's values: {@code q} is NaN without a judge rating, {@code score} NaN when dropped. */
    public record Evaluation(double dS, double dL, double q, double score, Verdict verdict) {
        public boolean passed() {
            return verdict == Verdict.PASSED;
        }
    }
}
