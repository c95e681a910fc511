package dev.sift.core.scoring;

import java.util.PriorityQueue;

/**
 * Greedy facility-location selection (Superfiltering.D, ALGORITHMS.md §3.4): choose m of n vectors maximising
 * {@code f(S) = Σ_i max_{j ∈ S} sim(i, j)}, with lazy-greedy evaluation (stale gains are upper bounds because f is
 * submodular). Ties go to the lower index, so the result equals plain greedy's.
 *
 * <p>Similarity is derived from Euclidean distance d; see {@link Similarity}. The similarity matrix is held in
 * memory as floats: n² × 4 bytes (about 430 MB for n = 10,400).
 *
 * @param similarity how distance becomes similarity
 */
public record FacilityLocation(Similarity similarity) {

    /** Euclidean distance to similarity. Both are non-negative, so an empty set has f = 0. */
    public enum Similarity {
        /** {@code sim = dMax − d}, with dMax the largest pairwise distance in the set (default). */
        MAX_DISTANCE_MINUS_DISTANCE,
        /** {@code sim = 1 / (1 + d)}. */
        INVERSE_DISTANCE
    }

    public static FacilityLocation defaults() {
        return new FacilityLocation(Similarity.MAX_DISTANCE_MINUS_DISTANCE);
    }

    /** Indices of the {@code m} chosen vectors, in the order greedy picked them. */
    public int[] select(double[][] vectors, int m) {
        int n = vectors.length;
        if (m < 0) {
            throw new IllegalArgumentException("m must not be negative");
        }
        int count = Math.min(m, n);
        float[] sim = similarityMatrix(vectors);
        double[] covered = new double[n];
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) ->
                a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int j = 0; j < n; j++) {
            queue.add(new double[] {gain(sim, covered, j), j});
        }
        int[] chosen = new int[count];
        for (int k = 0; k < count; k++) {
            while (true) {
                double[] top = queue.poll();
                int j = (int) top[1];
                double fresh = gain(sim, covered, j);
                double[] next = queue.peek();
                if (next == null || fresh > next[0] || (fresh == next[0] && j < next[1])) {
                    chosen[k] = j;
                    for (int i = 0; i < n; i++) {
                        covered[i] = Math.max(covered[i], sim[i * n + j]);
                    }
                    break;
                }
                queue.add(new double[] {fresh, j});
            }
        }
        return chosen;
    }

    /** {@code f(S)} for the given selection. */
    public double value(double[][] vectors, int[] selection) {
        int n = vectors.length;
        float[] sim = similarityMatrix(vectors);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double best = 0;
            for (int j : selection) {
                best = Math.max(best, sim[i * n + j]);
            }
            total += best;
        }
        return total;
    }

    private static double gain(float[] sim, double[] covered, int j) {
        int n = covered.length;
        double gain = 0;
        for (int i = 0; i < n; i++) {
            gain += Math.max(0, sim[i * n + j] - covered[i]);
        }
        return gain;
    }

    private float[] similarityMatrix(double[][] vectors) {
        int n = vectors.length;
        if ((long) n * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many vectors for an in-memory similarity matrix: " + n);
        }
        float[] sim = new float[n * n];
        double maxDistance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.sqrt(KMeans.squaredDistance(vectors[i], vectors[j]));
                sim[i * n + j] = (float) d;
                sim[j * n + i] = (float) d;
                maxDistance = Math.max(maxDistance, d);
            }
        }
        for (int k = 0; k < sim.length; k++) {
            sim[k] = similarity == Similarity.MAX_DISTANCE_MINUS_DISTANCE
                    ? (float) (maxDistance - sim[k])
                    : (float) (1 / (1 + sim[k]));
        }
        return sim;
    }
}
