package dev.sift.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws K distinct agent pairs without replacement, each draw proportional to the current probabilities of the
 * pairs not yet drawn. The random stream is derived from (run seed, round, sample id) alone, so a resumed run, or
 * the same seed twice, draws the same pairs for the same seed instruction whatever the order of work.
 */
final class StarAgentsSampler {

    private StarAgentsSampler() {}

    /** The pairs drawn for one seed instruction, in draw order. */
    static List<Long> sample(Map<Long, Double> weights, int k, long seed, int round, long sampleId) {
        SplittableRandom random = new SplittableRandom(mix(mix(mix(0x5A17L, seed), round), sampleId));
        List<Long> ids = new ArrayList<>(weights.keySet());
        List<Double> w = new ArrayList<>();
        ids.forEach(id -> w.add(weights.get(id)));
        List<Long> drawn = new ArrayList<>(k);
        while (drawn.size() < k && !ids.isEmpty()) {
            double total = w.stream().mapToDouble(Double::doubleValue).sum();
            double u = random.nextDouble() * total;
            int pick = ids.size() - 1;
            for (int i = 0; i < ids.size(); i++) {
                u -= w.get(i);
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            drawn.add(ids.remove(pick));
            w.remove(pick);
        }
        return drawn;
    }

    /** A SplitMix64-style combination of a running hash and a value. */
    private static long mix(long h, long value) {
        long z = h * 0x9E3779B97F4A7C15L + value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
