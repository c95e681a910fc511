package dev.sift.core.scoring;

import java.util.Arrays;
import java.util.Random;

/**
 * Deterministic k-means: k-means++ seeding from a seeded {@link Random}, then Lloyd iterations until no assignment
 * changes or the iteration cap is reached. Ties go to the lowest centroid index; an empty cluster keeps its previous
 * centroid. Not bit-compatible with scikit-learn; the same inputs and seed always give the same labels.
 *
 * @param k clusters wanted; capped at the number of points
 * @param seed seed of the k-means++ draws
 * @param maxIterations cap on Lloyd iterations
 */
public record KMeans(int k, long seed, int maxIterations) {

    /** Labels and centroids of a fit. */
    public record Fit(int[] labels, double[][] centroids, int iterations) {
    }

    public KMeans {
        if (k < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("k and maxIterations must be positive");
        }
    }

    public Fit fit(double[][] points) {
        if (points.length == 0) {
            return new Fit(new int[0], new double[0][], 0);
        }
        int clusters = Math.min(k, points.length);
        double[][] centroids = seed(points, clusters);
        int[] labels = new int[points.length];
        Arrays.fill(labels, -1);
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int nearest = nearest(points[i], centroids);
                if (nearest != labels[i]) {
                    labels[i] = nearest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            update(points, labels, centroids);
        }
        return new Fit(labels, centroids, iteration);
    }

    private double[][] seed(double[][] points, int clusters) {
        Random random = new Random(seed);
        double[][] centroids = new double[clusters][];
        centroids[0] = points[random.nextInt(points.length)].clone();
        double[] distance = new double[points.length];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < clusters; c++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(points[i], centroids[c - 1]));
                total += distance[i];
            }
            centroids[c] = points[draw(random, distance, total)].clone();
        }
        return centroids;
    }

    /** Index drawn with probability proportional to {@code weights}; 0 when all weights are 0. */
    private static int draw(Random random, double[] weights, double total) {
        if (total <= 0) {
            return 0;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                last = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }

    private static void update(double[][] points, int[] labels, double[][] centroids) {
        int dim = points[0].length;
        double[][] sums = new double[centroids.length][dim];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            counts[labels[i]]++;
            for (int d = 0; d < dim; d++) {
                sums[labels[i]][d] += points[i][d];
            }
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] > 0) {
                for (int d = 0; d < dim; d++) {
                    centroids[c][d] = sums[c][d] / counts[c];
                }
            }
        }
    }

    private static int nearest(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(point, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }
}
