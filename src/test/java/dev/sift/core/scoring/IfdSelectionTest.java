package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfdSelectionTest {

    private static final double[] SPEC = {0.95, 1.20, 0.40, 0.88, Double.NaN, 0.72, 1.01, 0.66, 0.91, 0.30};

    @Test
    void cherryV1SpecVector() {
        assertThat(IfdSelection.CHERRY_V1.kept(SPEC)).containsExactly(0, 2, 3, 5, 7, 8, 9);
        assertThat(IfdSelection.CHERRY_V1.select(SPEC, 0.3)).containsExactly(0, 8);
    }

    @Test
    void cherryV2TakesTheRateOfAllSamples() {
        // n = int(10 × 0.3) = 3: 0.95, 0.91, 0.88.
        assertThat(IfdSelection.CHERRY_V2.select(SPEC, 0.3)).containsExactly(0, 3, 8);
    }

    @Test
    void oneItselfPassesAtMostOneButNotBelowOne() {
        double[] scores = {1.0, 0.5, Double.NaN};
        assertThat(IfdSelection.CHERRY_V2.kept(scores)).containsExactly(0, 1);
        assertThat(IfdSelection.SUPERFILTERING.kept(scores)).containsExactly(1);
        assertThat(IfdSelection.SUPERFILTERING.select(scores, 1.0)).containsExactly(1);
    }

    @Test
    void superfilteringUsesTheDatasetSize() {
        assertThat(IfdSelection.SUPERFILTERING.select(SPEC, 0.2)).containsExactly(0, 8);
    }

    @Test
    void tiesGoToTheLowerIndex() {
        double[] scores = {0.5, 0.7, 0.7, 0.7};
        assertThat(IfdSelection.CHERRY_V1.selectCount(scores, 2)).containsExactly(1, 2);
    }

    @Test
    void countLargerThanThePoolTakesThePool() {
        assertThat(IfdSelection.CHERRY_V1.selectCount(SPEC, 100)).containsExactly(0, 2, 3, 5, 7, 8, 9);
    }
}
