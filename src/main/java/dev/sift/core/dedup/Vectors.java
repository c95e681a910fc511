package dev.sift.core.dedup;

/** Small vector helpers for L2-normalised embeddings. */
final class Vectors {

    private Vectors() {}

    /** The dot product, which for L2-normalised vectors is their cosine similarity. */
    static float dot(float[] a, float[] b) {
        // four accumulators let the CPU overlap the additions
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = Math.min(a.length, b.length);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Scales {@code v} in place to unit length; leaves a zero vector as it is. */
    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }
}
