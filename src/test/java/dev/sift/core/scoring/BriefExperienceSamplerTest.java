package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BriefExperienceSamplerTest {

    private static BriefExperienceSampler sampler(int k, int perCluster) {
        return new BriefExperienceSampler(new KMeans(k, 0, 100), perCluster, 25, 75);
    }

    @Test
    void numpyLinearPercentiles() {
        double[] values = new double[20];
        for (int i = 0; i < 20; i++) {
            values[i] = 20 - i;
        }
        assertThat(Percentiles.linear(values, 25)).isEqualTo(5.75);
        assertThat(Percentiles.linear(values, 75)).isEqualTo(15.25);
        assertThat(Percentiles.linear(values, 0)).isEqualTo(1);
        assertThat(Percentiles.linear(values, 100)).isEqualTo(20);
    }

    @Test
    void specBandVectorPicksSixNineTwelve() {
        double[] ppl = new double[20];
        for (int i = 0; i < 20; i++) {
            ppl[i] = i + 1;
        }
        int[] picked = sampler(1, 3).sampleClusters(new int[20], ppl);
        assertThat(java.util.Arrays.stream(picked).mapToDouble(i -> ppl[i]).toArray()).containsExactly(6, 9, 12);
    }

    @Test
    void smallClustersAndNarrowBandsContributeAll() {
        // Cluster 0 has 2 members (< 3): both. Cluster 1 has 4 members, band [p25, p75] holds only 2: both.
        int[] labels = {0, 1, 1, 0, 1, 1};
        double[] ppl = {9, 1, 2, 9, 3, 4};
        assertThat(sampler(2, 3).sampleClusters(labels, ppl)).containsExactly(0, 2, 3, 4);
    }

    @Test
    void kMeansIsDeterministicForASeedAndSeparatesBlobs() {
        Random random = new Random(42);
        double[][] points = new double[40][];
        for (int i = 0; i < 40; i++) {
            double centre = i < 20 ? 0 : 10;
            points[i] = new double[] {centre + random.nextGaussian() * 0.3, centre + random.nextGaussian() * 0.3};
        }
        KMeans kMeans = new KMeans(2, 7, 100);
        int[] first = kMeans.fit(points).labels();
        int[] second = kMeans.fit(points).labels();
        assertThat(second).containsExactly(first);
        for (int i = 1; i < 40; i++) {
            assertThat(first[i] == first[0]).isEqualTo(i < 20);
        }
    }

    @Test
    void samplesFromEmbeddingsEndToEnd() {
        double[][] points = new double[30][];
        double[] ppl = new double[30];
        for (int i = 0; i < 30; i++) {
            points[i] = new double[] {i < 15 ? 0 : 100, i % 15};
            ppl[i] = i % 15 + 1;
        }
        int[] picked = sampler(2, 2).sample(points, ppl);
        // Each blob: 15 members, band = ppl 4.5..11.5 → values 5..11 (7 members), step 3 → values 5 and 8.
        assertThat(picked).containsExactly(4, 7, 19, 22);
    }

    @Test
    void kCappedAtThePointCount() {
        KMeans.Fit fit = new KMeans(100, 0, 10).fit(new double[][] {{0}, {1}, {2}});
        assertThat(fit.centroids()).hasNumberOfRows(3);
        assertThat(fit.labels()).containsExactlyInAnyOrder(0, 1, 2);
    }
}
