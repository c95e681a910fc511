package dev.sift.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class JudgeBiasTest {

    @Test
    void pearsonMatchesAHandComputedValue() {
        // x = 1..5, y = 2,4,5,4,5: r = 6 / sqrt(10 * 6) = 0.774597
        assertThat(JudgeBias.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}))
                .isCloseTo(0.7745967, within(1e-6));
        assertThat(JudgeBias.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-12));
        assertThat(JudgeBias.pearson(new double[] {1, 2}, new double[] {5, 5})).isNaN();
        assertThat(JudgeBias.pearson(new double[] {1}, new double[] {5})).isNaN();
    }

    @Test
    void lengthCorrelationSkipsUnparsedGrades() {
        List<Grade> grades = List.of(grade(3), grade(6), grade(9), unparsedGrade());
        List<String> answers = List.of("a", "aaa", "aaaaa", "this answer was not graded, so its length must not count");

        assertThat(JudgeBias.lengthCorrelation(grades, answers)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void flipRateCountsItemsWhosePreferredModelChangesWithTheOrder() {
        List<PairwiseComparison> items = List.of(
                item(9, 7, 6, 8),   // m1 preferred in both orders: consistent
                item(9, 7, 8, 6),   // m1 first preferred, then the first shown (m2): flip
                item(7, 7, 7, 7),   // tie in both: consistent
                item(7, 7, 6, 8),   // tie, then m1: flip
                new PairwiseComparison(judgement(Optional.empty()), judgement(Optional.of(new ScorePair(1, 2)))));

        JudgeBias.PositionFlips flips = JudgeBias.positionFlips(items);

        assertThat(flips.items()).isEqualTo(4);
        assertThat(flips.flipped()).isEqualTo(2);
        assertThat(flips.rate()).isEqualTo(0.5);
        assertThat(PairwiseComparison.tally(items)).isEqualTo(new WinTieLose(2, 2, 0, 1));
    }

    /** Forward scores (m1, m2), reverse scores as shown (m2, m1). */
    private static PairwiseComparison item(double f1, double f2, double r1, double r2) {
        return new PairwiseComparison(judgement(Optional.of(new ScorePair(f1, f2))),
                judgement(Optional.of(new ScorePair(r1, r2))));
    }

    private static OrderedJudgement judgement(Optional<ScorePair> scores) {
        return new OrderedJudgement(scores, "raw", "", "hash");
    }

    private static Grade grade(double score) {
        return new Grade(OptionalDouble.of(score), "", "", "", "h");
    }

    private static Grade unparsedGrade() {
        return new Grade(OptionalDouble.empty(), "", "", "", "h");
    }
}
