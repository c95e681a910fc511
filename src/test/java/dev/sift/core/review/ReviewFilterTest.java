package dev.sift.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.ScoreGroup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters, verdicts, statistics and bulk plans over hand-built rows. */
class ReviewFilterTest {

    /**
     * Six samples (ids 10..15). Algorithm chose candidate 100+i for 0..3; the curator agreed on 0, chose another
     * candidate on 1, rejected 2, edited 4. IFD 0.2, 0.5, 0.8, 1.3, NaN, 0.9; judge 9, 3, 8, 9, 6, NaN.
     */
    static ReviewRows rows() {
        var ifd = ScoreColumn.value("ifd", new ScoreGroup("ifd", "m", "t", 5));
        var judge = ScoreColumn.value("judge", new ScoreGroup("judge", "j", "", 5));
        var b = new ReviewRows.Builder(new long[] {10, 11, 12, 13, 14, 15}, new long[] {1, 1, 1, 1, 1, 1},
                List.of(ifd, judge));
        double[] ifds = {0.2, 0.5, 0.8, 1.3, Double.NaN, 0.9};
        double[] judges = {9, 3, 8, 9, 6, Double.NaN};
        for (int r = 0; r < 6; r++) {
            b.score(0, r, ifds[r]).score(1, r, judges[r]).candidateCount(r, 2)
                    .shown(r, 100 + r, CandidateOrigin.ORIGINAL, 0, 0);
            if (r < 4) {
                b.algorithm(r, ReviewState.CHOSEN, 100 + r, 7).current(r, ReviewState.CHOSEN, ReviewRows.Maker.ALGORITHM);
            }
        }
        b.curator(0, ReviewState.CHOSEN, 100).current(0, ReviewState.CHOSEN, ReviewRows.Maker.CURATOR);
        b.curator(1, ReviewState.CHOSEN, 201).current(1, ReviewState.CHOSEN, ReviewRows.Maker.CURATOR)
                .shown(1, 201, CandidateOrigin.GENERATED, 3, 7);
        b.curator(2, ReviewState.REJECTED, 102).current(2, ReviewState.REJECTED, ReviewRows.Maker.CURATOR);
        b.curator(4, ReviewState.EDITED, 204).current(4, ReviewState.EDITED, ReviewRows.Maker.CURATOR)
                .shown(4, 204, CandidateOrigin.CURATOR, 0, 0).note(4, true);
        return b.build();
    }

    private final ReviewRows rows = rows();
    private final Verdicts verdicts = new Verdicts(rows, AgreementRules.defaults());

    private int[] apply(String expression, long... textMatches) {
        return ReviewFilterParser.parse(expression).apply(rows, textMatches, verdicts);
    }

    @Test
    void filtersByScoreStateMakerOriginPairRunNoteAndText() {
        assertThat(apply("")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(apply("ifd<1")).as("NaN is never in a range").containsExactly(0, 1, 2, 5);
        assertThat(apply("ifd>=0.5,ifd<1,judge>=8")).containsExactly(2);
        assertThat(apply("state=undecided")).containsExactly(5);
        assertThat(apply("state=chosen|edited,by=curator")).containsExactly(0, 1, 4);
        assertThat(apply("origin=generated")).containsExactly(1);
        assertThat(apply("pair=3")).containsExactly(1);
        assertThat(apply("run=7")).containsExactly(0, 1, 2, 3);
        assertThat(apply("note")).containsExactly(4);
        assertThat(apply("text=rain", 11, 14, 99)).containsExactly(1, 4);
        assertThat(apply("nosuchscore<1")).as("a range on a column the rows lack matches nothing").isEmpty();
    }

    @Test
    void algorithmAndCuratorDisagreeOnAnotherCandidateOrARejection() {
        assertThat(apply("disagree=algorithm")).containsExactly(1, 2);
        assertThat(verdicts.algorithmAndCuratorAgree(0)).isTrue();
        assertThat(verdicts.algorithmAndCuratorAgree(3)).as("the curator has not decided").isFalse();
    }

    @Test
    void judgeAndIfdDisagreeWhenOneKeepsWhatTheOtherDrops() {
        // finite IFDs below 1: 0.2 0.5 0.8 0.9; the 0.5 quantile is 0.8, so IFD keeps 0.8 and 0.9 only
        assertThat(verdicts.ifdCut()).isEqualTo(0.8);
        // judge keeps 0 (9), 2 (8), 3 (9); IFD keeps 2 only: rows 0 and 3 disagree, row 1 agrees (both drop)
        assertThat(apply("disagree=judge")).containsExactly(0, 3);
    }

    @Test
    void statisticsCountStatesAndAgreement() {
        ReviewStats stats = ReviewStats.of(rows, new int[] {0, 1, 2, 3, 4, 5}, verdicts);

        assertThat(stats.total()).isEqualTo(6);
        assertThat(stats.byState()).containsEntry(ReviewState.CHOSEN, 3).containsEntry(ReviewState.REJECTED, 1)
                .containsEntry(ReviewState.EDITED, 1).containsEntry(ReviewState.UNDECIDED, 1);
        assertThat(stats.decidedByAlgorithm()).isEqualTo(1);
        assertThat(stats.decidedByCurator()).isEqualTo(4);
        assertThat(stats.algorithmCurator()).isEqualTo(new ReviewStats.Rate(1, 3));
        // curator keeps 0,1,4 and drops 2; judge keeps 0, drops 1, keeps 2, drops 4 (6 < 7): agree on 0 only
        assertThat(stats.judgeCurator()).isEqualTo(new ReviewStats.Rate(1, 4));
        assertThat(stats.judgeIfd()).isEqualTo(new ReviewStats.Rate(2, 4));
        assertThat(stats.judgeIfd().value()).isEqualTo(0.5);
        assertThat(new ReviewStats.Rate(0, 0).value()).isNaN();
    }

    @Test
    void bulkRulesMakeOneCuratorDecisionPerRow() {
        BulkPlan accept = BulkRule.ACCEPT_ALGORITHM.plan(rows, new int[] {0, 3, 4, 5});
        assertThat(accept.matched()).isEqualTo(4);
        assertThat(accept.skipped()).isEqualTo(2);
        assertThat(accept.decisions()).extracting(d -> d.sampleId() + ":" + d.candidateId() + ":" + d.action())
                .containsExactly("10:100:CHOOSE", "13:103:CHOOSE");
        assertThat(accept.description()).isEqualTo("Accept the algorithm's choice for 2 samples");

        assertThat(BulkRule.REJECT.plan(rows, new int[] {1}).decisions().get(0).action())
                .isEqualTo(DecisionAction.REJECT);
        assertThat(BulkRule.KEEP_SHOWN.plan(rows, new int[] {4}).decisions().get(0))
                .satisfies(d -> assertThat(d.action()).isEqualTo(DecisionAction.EDIT))
                .satisfies(d -> assertThat(d.candidateId()).isEqualTo(204));
        assertThat(BulkRule.KEEP_ORIGINAL.plan(rows, new int[] {1}).decisions().get(0).candidateId()).isZero();
        assertThat(BulkRule.REJECT.plan(rows, new int[] {1}).action().kind()).isEqualTo("bulk-reject");
        assertThat(Set.of(BulkRule.values())).extracting(BulkRule::id).contains("accept-algorithm");
    }
}
