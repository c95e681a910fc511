package dev.sift.core.review;

import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import java.util.Arrays;

/**
 * Whether the judge, IFD, the algorithm and the curator keep each row, under {@link AgreementRules}. The IFD cut-off
 * is the rules' quantile of the finite IFDs below the threshold among all the rows, computed once.
 */
public final class Verdicts {

    /** The score column keys the verdicts read. */
    public static final String JUDGE = "judge";
    public static final String IFD = "ifd";

    /** A verdict: no opinion, drop, or keep. */
    public enum Verdict { NONE, DROP, KEEP }

    private final ReviewRows rows;
    private final AgreementRules rules;
    private final int judge;
    private final int ifd;
    private final double ifdCut;

    public Verdicts(ReviewRows rows, AgreementRules rules) {
        this.rows = rows;
        this.rules = rules;
        this.judge = rows.column(JUDGE);
        this.ifd = rows.column(IFD);
        this.ifdCut = ifd < 0 ? Double.NaN : cut(rows, ifd, rules);
    }

    private static double cut(ReviewRows rows, int column, AgreementRules rules) {
        double[] values = new double[rows.size()];
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            double v = rows.score(column, r);
            if (Double.isFinite(v) && v < rules.ifdThreshold()) {
                values[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return values[(int) Math.min(n - 1, Math.floor(rules.ifdKeepQuantile() * n))];
    }

    /** The IFD a row needs to be kept by IFD (the quantile), NaN when no row has one below the threshold. */
    public double ifdCut() {
        return ifdCut;
    }

    public Verdict judge(int row) {
        if (judge < 0 || Double.isNaN(rows.score(judge, row))) {
            return Verdict.NONE;
        }
        return rows.score(judge, row) >= rules.judgeKeepAtLeast() ? Verdict.KEEP : Verdict.DROP;
    }

    public Verdict ifd(int row) {
        if (ifd < 0 || Double.isNaN(rows.score(ifd, row))) {
            return Verdict.NONE;
        }
        double v = rows.score(ifd, row);
        return v < rules.ifdThreshold() && v >= ifdCut ? Verdict.KEEP : Verdict.DROP;
    }

    public Verdict curator(int row) {
        return verdict(rows.curatorState(row));
    }

    public Verdict algorithm(int row) {
        return verdict(rows.algorithmState(row));
    }

    private static Verdict verdict(ReviewState state) {
        return state == ReviewState.UNDECIDED ? Verdict.NONE : state.kept() ? Verdict.KEEP : Verdict.DROP;
    }

    /** Both decided and they differ: other keep/drop, another candidate, or an edit. Empty when either is missing. */
    public boolean algorithmAndCuratorDisagree(int row) {
        ReviewState a = rows.algorithmState(row);
        ReviewState c = rows.curatorState(row);
        if (a == ReviewState.UNDECIDED || c == ReviewState.UNDECIDED) {
            return false;
        }
        return !algorithmAndCuratorAgree(row);
    }

    /** Both decided and they did the same: both rejected, or both kept the same candidate unedited. */
    public boolean algorithmAndCuratorAgree(int row) {
        ReviewState a = rows.algorithmState(row);
        ReviewState c = rows.curatorState(row);
        if (a == ReviewState.UNDECIDED || c == ReviewState.UNDECIDED) {
            return false;
        }
        if (a == ReviewState.REJECTED || c == ReviewState.REJECTED) {
            return a == c;
        }
        return a == ReviewState.CHOSEN && c == ReviewState.CHOSEN
                && rows.algorithmCandidate(row) == rows.curatorCandidate(row);
    }

    /** Both the judge and IFD have a verdict and they differ. */
    public boolean judgeAndIfdDisagree(int row) {
        Verdict j = judge(row);
        Verdict i = ifd(row);
        return j != Verdict.NONE && i != Verdict.NONE && j != i;
    }
}
