package dev.sift.core.review;

import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts and agreement rates over a set of review rows: what {@code sift review-stats} prints and Insights charts.
 *
 * @param total rows counted
 * @param byState rows per current state
 * @param decidedByAlgorithm rows whose current decision an algorithm made
 * @param decidedByCurator rows whose current decision the curator made
 * @param algorithmCurator how often the curator did what the algorithm did, over rows both decided
 * @param judgeCurator how often the curator kept what the judge would keep and dropped the rest, over rows with both
 * @param judgeIfd how often the judge and IFD agree, over rows with both scores
 */
public record ReviewStats(
        int total, Map<ReviewState, Integer> byState, int decidedByAlgorithm, int decidedByCurator,
        Rate algorithmCurator, Rate judgeCurator, Rate judgeIfd) {

    /** {@code agree} out of {@code compared}. */
    public record Rate(int agree, int compared) {
        /** The share that agree, NaN when nothing was compared. */
        public double value() {
            return compared == 0 ? Double.NaN : (double) agree / compared;
        }
    }

    public ReviewStats {
        byState = Map.copyOf(byState);
    }

    /** The statistics of the rows listed in {@code view}. */
    public static ReviewStats of(ReviewRows rows, int[] view, Verdicts verdicts) {
        Map<ReviewState, Integer> byState = new EnumMap<>(ReviewState.class);
        for (ReviewState s : ReviewState.values()) {
            byState.put(s, 0);
        }
        int algorithm = 0;
        int curator = 0;
        int[] ac = new int[2];
        int[] jc = new int[2];
        int[] ji = new int[2];
        for (int r : view) {
            byState.merge(rows.state(r), 1, Integer::sum);
            algorithm += rows.maker(r) == ReviewRows.Maker.ALGORITHM ? 1 : 0;
            curator += rows.maker(r) == ReviewRows.Maker.CURATOR ? 1 : 0;
            if (verdicts.algorithm(r) != Verdicts.Verdict.NONE && verdicts.curator(r) != Verdicts.Verdict.NONE) {
                count(ac, verdicts.algorithmAndCuratorAgree(r));
            }
            compare(jc, verdicts.judge(r), verdicts.curator(r));
            compare(ji, verdicts.judge(r), verdicts.ifd(r));
        }
        return new ReviewStats(view.length, byState, algorithm, curator, new Rate(ac[0], ac[1]), new Rate(jc[0], jc[1]),
                new Rate(ji[0], ji[1]));
    }

    private static void compare(int[] tally, Verdicts.Verdict a, Verdicts.Verdict b) {
        if (a != Verdicts.Verdict.NONE && b != Verdicts.Verdict.NONE) {
            count(tally, a == b);
        }
    }

    private static void count(int[] tally, boolean agree) {
        tally[0] += agree ? 1 : 0;
        tally[1]++;
    }
}
