package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IfdMathTest {

    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-6);

    @Test
    void t1MeansRatiosAndPerplexities() {
        double cond = IfdMath.meanNll(new double[] {0.9, 0.4, 0.3, 0.2});
        double direct = IfdMath.meanNll(new double[] {2.1, 1.2, 0.8, 0.5});
        assertThat(cond).isCloseTo(0.45, EPS);
        assertThat(direct).isCloseTo(1.15, EPS);
        assertThat(IfdMath.ifdLoss(cond, direct)).isCloseTo(0.391304, EPS);
        assertThat(IfdMath.ifdPpl(cond, direct)).isCloseTo(0.496585, EPS);
        assertThat(IfdMath.perplexity(cond)).isCloseTo(1.568312, EPS);
        assertThat(IfdMath.perplexity(direct)).isCloseTo(3.158193, EPS);
    }

    @Test
    void t1GivenLogProbsNegatedFirstGivesTheSameScore() {
        double[] logProbs = {-0.9, -0.4, -0.3, -0.2};
        double[] nll = java.util.Arrays.stream(logProbs).map(v -> -v).toArray();
        assertThat(IfdMath.meanNll(nll)).isCloseTo(0.45, EPS);
    }

    @Test
    void t2BothVariantsExceedOne() {
        double cond = IfdMath.meanNll(new double[] {1.5, 1.3});
        double direct = IfdMath.meanNll(new double[] {1.2, 1.0});
        assertThat(IfdMath.ifdLoss(cond, direct)).isCloseTo(1.272727, EPS);
        assertThat(IfdMath.ifdPpl(cond, direct)).isCloseTo(1.349859, EPS);
    }

    @Test
    void t3LossAndPplVariantsRankDifferently() {
        double lossA = IfdMath.ifdLoss(0.2, 0.4);
        double pplA = IfdMath.ifdPpl(0.2, 0.4);
        double lossB = IfdMath.ifdLoss(2.0, 3.0);
        double pplB = IfdMath.ifdPpl(2.0, 3.0);
        assertThat(lossA).isCloseTo(0.5, EPS);
        assertThat(pplA).isCloseTo(0.818731, EPS);
        assertThat(lossB).isCloseTo(0.666667, EPS);
        assertThat(pplB).isCloseTo(0.367879, EPS);
        assertThat(lossB).isGreaterThan(lossA);
        assertThat(pplA).isGreaterThan(pplB);
    }

    @Test
    void t4ReverseIfd() {
        assertThat(IfdMath.rifdLoss(0.8, 2.0)).isCloseTo(0.4, EPS);
        assertThat(IfdMath.rifdPpl(0.8, 2.0)).isCloseTo(0.301194, EPS);
    }

    @Test
    void nanPropagatesAndEmptySpanIsNaN() {
        assertThat(IfdMath.meanNll(new double[0])).isNaN();
        assertThat(IfdMath.meanNll(new double[] {0.1, Double.NaN})).isNaN();
        assertThat(IfdMath.ifdLoss(Double.NaN, 1)).isNaN();
        assertThat(IfdMath.ifdPpl(1, Double.NaN)).isNaN();
    }

    @Test
    void zeroDenominatorGivesZeroLossRatio() {
        assertThat(IfdMath.ifdLoss(0.5, 0)).isZero();
    }
}
