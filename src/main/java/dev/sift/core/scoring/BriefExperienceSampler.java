package dev.sift.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cherry's "learning from brief experience" sample (ALGORITHMS.md §3.1 Phase 1): cluster the prompt embeddings
 * with k-means, then take {@code perCluster} evenly spaced members from each cluster's middle perplexity band.
 *
 * <p>Per cluster, with members in original index order:
 * <ul>
 *   <li>fewer than {@code perCluster} members: all of them;</li>
 *   <li>otherwise the band is {@code [p_low, p_high]} (inclusive, numpy linear percentiles of the cluster's
 *       perplexities); with fewer than {@code perCluster} band members, all band members;</li>
 *   <li>otherwise {@code band[::step][:perCluster]} with {@code step = |band| div perCluster}.</li>
 * </ul>
 *
 * @param kMeans the clustering (k = 100, seed 0 by default)
 * @param perCluster samples per cluster (10)
 * @param lowPercentile lower band edge (25, the script's flag; the code default is 1)
 * @param highPercentile upper band edge (75, the script's flag; the code default is 99)
 */
public record BriefExperienceSampler(KMeans kMeans, int perCluster, double lowPercentile, double highPercentile) {

    public BriefExperienceSampler {
        Objects.requireNonNull(kMeans, "kMeans");
        if (perCluster < 1) {
            throw new IllegalArgumentException("perCluster must be positive");
        }
        if (!(0 <= lowPercentile && lowPercentile <= highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("need 0 <= lowPercentile <= highPercentile <= 100");
        }
    }

    /** k = 100, seed 0, at most 300 Lloyd iterations, 10 per cluster, band 25–75. */
    public static BriefExperienceSampler defaults() {
        return new BriefExperienceSampler(new KMeans(100, 0, 300), 10, 25, 75);
    }

    /** Clusters {@code embeddings}, then samples; returns selected indices in ascending order. */
    public int[] sample(double[][] embeddings, double[] perplexities) {
        if (embeddings.length != perplexities.length) {
            throw new IllegalArgumentException("one perplexity per embedding needed");
        }
        return sampleClusters(kMeans.fit(embeddings).labels(), perplexities);
    }

    /** Samples from given cluster labels; returns selected indices in ascending order. */
    public int[] sampleClusters(int[] labels, double[] perplexities) {
        if (labels.length != perplexities.length) {
            throw new IllegalArgumentException("one perplexity per label needed");
        }
        int clusters = 0;
        for (int label : labels) {
            clusters = Math.max(clusters, label + 1);
        }
        boolean[] selected = new boolean[labels.length];
        for (int c = 0; c < clusters; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            for (int i : pick(members, perplexities)) {
                selected[i] = true;
            }
        }
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < selected.length; i++) {
            if (selected[i]) {
                result.add(i);
            }
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<Integer> pick(List<Integer> members, double[] perplexities) {
        if (members.size() < perCluster) {
            return members;
        }
        double[] values = members.stream().mapToDouble(i -> perplexities[i]).toArray();
        double low = Percentiles.linear(values, lowPercentile);
        double high = Percentiles.linear(values, highPercentile);
        List<Integer> band = members.stream().filter(i -> perplexities[i] >= low && perplexities[i] <= high).toList();
        if (band.size() < perCluster) {
            return band;
        }
        int step = band.size() / perCluster;
        List<Integer> picks = new ArrayList<>(perCluster);
        for (int j = 0; j < band.size() && picks.size() < perCluster; j += step) {
            picks.add(band.get(j));
        }
        return picks;
    }
}
