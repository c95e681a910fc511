package dev.sift.core.dedup;

import java.util.Arrays;

/** Compares each vector with every representative, in order: exact, and quadratic in the worst case. */
final class ExactIndex implements RepresentativeIndex {

    private final float[][] vectors;
    private final float threshold;
    private int[] representatives = new int[64];
    private int size;

    ExactIndex(float[][] vectors, float threshold) {
        this.vectors = vectors;
        this.threshold = threshold;
    }

    @Override
    public int find(int i) {
        float[] v = vectors[i];
        for (int k = 0; k < size; k++) {
            int r = representatives[k];
            if (Vectors.dot(v, vectors[r]) >= threshold) {
                return r;
            }
        }
        return -1;
    }

    @Override
    public void add(int representative) {
        if (size == representatives.length) {
            representatives = Arrays.copyOf(representatives, size * 2);
        }
        representatives[size++] = representative;
    }
}
