package dev.sift.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.dedup.NearDuplicateGrouper.Group;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicateGrouperTest {

    private static final NearDuplicateGrouper.Checkpoint NONE = (done, total) -> {};
    private final NearDuplicateGrouper grouper = new NearDuplicateGrouper(7);

    @Test
    void aVectorJoinsTheFirstEarlierRepresentativeItIsSimilarEnoughTo() throws Exception {
        // b is close to a; c is close to b but not to a, so c starts its own group: membership is not transitive
        float[][] vectors = {angle(0), angle(15), angle(30), angle(31), angle(90)};

        List<Group> groups = grouper.exact(vectors, Math.cos(Math.toRadians(20)), NONE);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).members()).containsExactly(0, 1);
        assertThat(groups.get(0).similarities()[0]).isEqualTo(1.0);
        assertThat(groups.get(0).similarities()[1]).isCloseTo(Math.cos(Math.toRadians(15)), within());
        assertThat(groups.get(1).members()).containsExactly(2, 3);
    }

    @Test
    void keepsOnlyGroupsOfTwoOrMoreLargestFirst() throws Exception {
        float[][] vectors = {angle(0), angle(90), angle(91), angle(180), angle(92), angle(1)};

        List<Group> groups = grouper.exact(vectors, 0.99, NONE);

        assertThat(groups).extracting(g -> g.members()[0]).containsExactly(1, 0);
        assertThat(groups.get(0).members()).containsExactly(1, 2, 4);
    }

    @Test
    void everyMemberIsAtLeastThresholdSimilarToItsRepresentative() throws Exception {
        float[][] vectors = plantedNearDuplicates(new Random(1), 3000, 400, 0.9, 0.99).vectors;

        for (Group group : grouper.exact(vectors, 0.9, NONE)) {
            for (double similarity : group.similarities()) {
                assertThat(similarity).isGreaterThanOrEqualTo(0.9);
            }
        }
    }

    @Test
    void emptyAndSingleInputsHaveNoGroups() throws Exception {
        assertThat(grouper.group(new float[0][], 0.9, NONE)).isEmpty();
        assertThat(grouper.group(new float[][] {angle(0)}, 0.9, NONE)).isEmpty();
    }

    @Test
    void lshFindsAtLeast95PercentOfThePlantedNearDuplicatesThatExactComparisonFinds() throws Exception {
        double threshold = 0.92;
        Planted planted = plantedNearDuplicates(new Random(2), 6000, 600, threshold + 0.005, 0.995);

        List<Group> exact = grouper.exact(planted.vectors, threshold, NONE);
        List<Group> lsh = grouper.approximate(planted.vectors, threshold, NONE);

        double exactRecall = recall(planted, exact);
        double lshRecall = recall(planted, lsh);
        assertThat(exactRecall).isEqualTo(1.0);
        assertThat(lshRecall).isGreaterThanOrEqualTo(0.95);
        for (Group group : lsh) {
            for (double similarity : group.similarities()) {
                assertThat(similarity).isGreaterThanOrEqualTo(threshold);
            }
        }
    }

    @Test
    void groupUsesLshAboveTheExactLimitAndIsDeterministic() throws Exception {
        Planted planted = plantedNearDuplicates(new Random(3), NearDuplicateGrouper.EXACT_LIMIT + 500, 300, 0.95, 0.99);

        List<Group> first = grouper.group(planted.vectors, 0.92, NONE);
        List<Group> second = new NearDuplicateGrouper(7).group(planted.vectors, 0.92, NONE);

        assertThat(first).hasSameSizeAs(second);
        for (int g = 0; g < first.size(); g++) {
            assertThat(first.get(g).members()).containsExactly(second.get(g).members());
        }
        assertThat(recall(planted, first)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aThrowingCheckpointStopsTheGrouping() {
        float[][] vectors = plantedNearDuplicates(new Random(4), 5000, 10, 0.95, 0.99).vectors;

        assertThatThrownBy(() -> grouper.group(vectors, 0.92, (done, total) -> {
                    throw new JobCancelledException();
                }))
                .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void bitsPerBandGrowWithTheThreshold() {
        assertThat(HyperplaneLshIndex.bitsPerBand(0.8)).isLessThan(HyperplaneLshIndex.bitsPerBand(0.92));
        assertThat(HyperplaneLshIndex.bitsPerBand(0.92)).isLessThan(HyperplaneLshIndex.bitsPerBand(0.99));
        assertThat(HyperplaneLshIndex.bitsPerBand(1.0)).isEqualTo(64);
    }

    /** Random vectors, with {@code pairs} of them followed later by a copy at a cosine in [low, high]. */
    private record Planted(float[][] vectors, int[][] pairs) {}

    private static Planted plantedNearDuplicates(Random random, int n, int pairs, double low, double high) {
        int dimension = 384;
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = gaussianUnit(random, dimension);
        }
        int[][] planted = new int[pairs][];
        for (int p = 0; p < pairs; p++) {
            int original = 2 * p;
            int copy = n - 1 - 2 * p; // later in order, so it joins the original's group
            vectors[copy] = atCosine(random, vectors[original], low + (high - low) * random.nextDouble());
            planted[p] = new int[] {original, copy};
        }
        return new Planted(vectors, planted);
    }

    private static double recall(Planted planted, List<Group> groups) {
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int member : groups.get(g).members()) {
                groupOf.put(member, g);
            }
        }
        int found = 0;
        for (int[] pair : planted.pairs) {
            Integer a = groupOf.get(pair[0]);
            if (a != null && a.equals(groupOf.get(pair[1]))) {
                found++;
            }
        }
        return (double) found / planted.pairs.length;
    }

    /** A unit vector whose cosine with unit vector {@code v} is exactly {@code cosine}. */
    private static float[] atCosine(Random random, float[] v, double cosine) {
        float[] u = gaussianUnit(random, v.length);
        float along = Vectors.dot(u, v);
        for (int d = 0; d < v.length; d++) {
            u[d] -= along * v[d];
        }
        Vectors.normalize(u);
        double sine = Math.sqrt(1 - cosine * cosine);
        float[] w = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            w[d] = (float) (cosine * v[d] + sine * u[d]);
        }
        return Vectors.normalize(w);
    }

    private static float[] gaussianUnit(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    private static float[] angle(double degrees) {
        double radians = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(radians), (float) Math.sin(radians), 0};
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
