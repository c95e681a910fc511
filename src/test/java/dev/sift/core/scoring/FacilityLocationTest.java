package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FacilityLocationTest {

    private static final double[][] LINE = {{0}, {1}, {2}, {10}, {11}, {12}};

    @Test
    void picksOneRepresentativePerGroupByHand() {
        // sim = 12 − d. First pick: 2 and 10 tie at 42 (the lower index wins); then 11 gains 25, 10 and 12 gain 24.
        assertThat(FacilityLocation.defaults().select(LINE, 2)).containsExactly(2, 4);
    }

    @Test
    void lazyGreedyMatchesPlainGreedy() {
        Random random = new Random(3);
        double[][] points = new double[40][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
        }
        for (FacilityLocation.Similarity similarity : FacilityLocation.Similarity.values()) {
            FacilityLocation fl = new FacilityLocation(similarity);
            assertThat(fl.select(points, 8)).containsExactly(plainGreedy(fl, points, 8));
        }
    }

    @Test
    void selectingMoreThanNTakesAll() {
        assertThat(FacilityLocation.defaults().select(LINE, 10)).hasSize(6).doesNotHaveDuplicates();
        assertThat(FacilityLocation.defaults().select(LINE, 0)).isEmpty();
    }

    private static int[] plainGreedy(FacilityLocation fl, double[][] points, int m) {
        int[] chosen = new int[0];
        for (int k = 0; k < m; k++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < points.length; j++) {
                final int candidate = j;
                if (java.util.Arrays.stream(chosen).anyMatch(c -> c == candidate)) {
                    continue;
                }
                int[] trial = java.util.Arrays.copyOf(chosen, chosen.length + 1);
                trial[chosen.length] = j;
                double value = fl.value(points, trial);
                if (value > bestValue + 1e-9) {
                    bestValue = value;
                    best = j;
                }
            }
            chosen = java.util.Arrays.copyOf(chosen, chosen.length + 1);
            chosen[k] = best;
        }
        return chosen;
    }
}
