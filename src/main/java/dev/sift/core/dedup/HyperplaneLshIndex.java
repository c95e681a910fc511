package dev.sift.core.dedup;

import dev.sift.core.job.JobCancelledException;
import java.util.Arrays;
import java.util.Random;

/**
 * Random-hyperplane LSH (SimHash) over L2-normalised vectors, with candidates verified by their exact
 * cosine.
 *
 * <p>Each vector gets a {@value #PLANES}-bit signature: the signs of its dot products with random
 * Gaussian hyperplanes. Two vectors at angle θ agree on a bit with probability 1 − θ/π. Each of
 * {@value #BANDS} bands hashes a fixed random choice of {@code bitsPerBand} signature bits; vectors that
 * agree on all bits of some band are candidates. {@code bitsPerBand} is derived from the threshold so
 * that a pair exactly at the threshold is found with probability about {@value #TARGET_RECALL}, and
 * more similar pairs with a higher one; unrelated pairs rarely share a band, which keeps the exact
 * checks few.
 *
 * <p>Memory: a signature of 32 bytes and three ints per band, about 0.5 KB per vector.
 */
final class HyperplaneLshIndex implements RepresentativeIndex {

    static final int PLANES = 256;
    static final int BANDS = 40;
    static final double TARGET_RECALL = 0.96;
    private static final int WORDS = PLANES / 64;

    private final float[][] vectors;
    private final float threshold;
    /** bucketOf[band][i]: the bucket of vector i in that band. */
    private final int[][] bucketOf;
    /** lastRepresentative[band][bucket]: the newest representative in that bucket, or -1. */
    private final int[][] lastRepresentative;
    /** previous[band][r]: the representative added to r's bucket before r, or -1. */
    private final int[][] previous;
    private final int[] seenBy;
    private int[] candidates = new int[64];

    private HyperplaneLshIndex(float[][] vectors, float threshold, int[][] bucketOf, int[][] lastRepresentative) {
        this.vectors = vectors;
        this.threshold = threshold;
        this.bucketOf = bucketOf;
        this.lastRepresentative = lastRepresentative;
        this.previous = new int[BANDS][vectors.length];
        this.seenBy = new int[vectors.length];
        Arrays.fill(seenBy, -1);
    }

    /** Signs every vector and buckets it in every band. Blocks; about PLANES dot products a vector. */
    static HyperplaneLshIndex build(float[][] vectors, float threshold, long seed,
            NearDuplicateGrouper.Checkpoint checkpoint) throws JobCancelledException {
        Random random = new Random(seed);
        int dimension = vectors.length == 0 ? 0 : vectors[0].length;
        float[][] planes = new float[PLANES][dimension];
        for (float[] plane : planes) {
            for (int d = 0; d < dimension; d++) {
                plane[d] = (float) random.nextGaussian();
            }
        }
        long[] signatures = new long[vectors.length * WORDS];
        for (int i = 0; i < vectors.length; i++) {
            for (int p = 0; p < PLANES; p++) {
                if (Vectors.dot(vectors[i], planes[p]) >= 0) {
                    signatures[i * WORDS + (p >>> 6)] |= 1L << (p & 63);
                }
            }
            if ((i & 1023) == 1023) {
                checkpoint.reached(i + 1, vectors.length);
            }
        }
        int bits = bitsPerBand(threshold);
        int[][] bucketOf = new int[BANDS][];
        int[][] lastRepresentative = new int[BANDS][];
        for (int band = 0; band < BANDS; band++) {
            int[] positions = choosePositions(random, bits);
            long[] keys = new long[vectors.length];
            for (int i = 0; i < vectors.length; i++) {
                keys[i] = key(signatures, i, positions);
            }
            long[] distinct = distinct(keys);
            bucketOf[band] = new int[vectors.length];
            for (int i = 0; i < vectors.length; i++) {
                bucketOf[band][i] = Arrays.binarySearch(distinct, keys[i]);
            }
            lastRepresentative[band] = new int[distinct.length];
            Arrays.fill(lastRepresentative[band], -1);
        }
        return new HyperplaneLshIndex(vectors, threshold, bucketOf, lastRepresentative);
    }

    /** Bits per band such that a pair at the threshold shares at least one of the bands with TARGET_RECALL. */
    static int bitsPerBand(double threshold) {
        double agree = 1 - Math.acos(Math.min(1, threshold)) / Math.PI;
        if (agree >= 1) {
            return 64;
        }
        double perBand = 1 - Math.pow(1 - TARGET_RECALL, 1.0 / BANDS);
        int bits = (int) Math.floor(Math.log(perBand) / Math.log(agree));
        return Math.max(1, Math.min(64, bits));
    }

    @Override
    public int find(int i) {
        int count = 0;
        for (int band = 0; band < BANDS; band++) {
            for (int r = lastRepresentative[band][bucketOf[band][i]]; r >= 0; r = previous[band][r]) {
                if (seenBy[r] != i) {
                    seenBy[r] = i;
                    if (count == candidates.length) {
                        candidates = Arrays.copyOf(candidates, count * 2);
                    }
                    candidates[count++] = r;
                }
            }
        }
        Arrays.sort(candidates, 0, count);
        float[] v = vectors[i];
        for (int k = 0; k < count; k++) {
            if (Vectors.dot(v, vectors[candidates[k]]) >= threshold) {
                return candidates[k];
            }
        }
        return -1;
    }

    @Override
    public void add(int representative) {
        for (int band = 0; band < BANDS; band++) {
            int bucket = bucketOf[band][representative];
            previous[band][representative] = lastRepresentative[band][bucket];
            lastRepresentative[band][bucket] = representative;
        }
    }

    private static int[] choosePositions(Random random, int bits) {
        int[] all = new int[PLANES];
        for (int p = 0; p < PLANES; p++) {
            all[p] = p;
        }
        for (int k = 0; k < bits; k++) { // partial Fisher-Yates shuffle
            int j = k + random.nextInt(PLANES - k);
            int t = all[k];
            all[k] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, bits);
    }

    private static long key(long[] signatures, int i, int[] positions) {
        long key = 0;
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            long bit = (signatures[i * WORDS + (p >>> 6)] >>> (p & 63)) & 1L;
            key |= bit << k;
        }
        return key;
    }

    private static long[] distinct(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
