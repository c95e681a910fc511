package dev.sift.core.agentinstruct;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from the run's seed and the names of a piece of work (chunk, skill, transformation, slot, round), so
 * every draw and every request seed depends on what the work is and not on when it is done: a resumed or repeated
 * run draws the same.
 */
public final class UnitSeeds {

    private UnitSeeds() {}

    /** A seed mixing {@code seed} with each part in order. */
    public static long of(long seed, Object... parts) {
        long h = mix(0xA6E17L, seed);
        for (Object part : parts) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                h = mix(h, b);
            }
            h = mix(h, 0x1F);
        }
        return h;
    }

    /** A SplitMix64-style combination of a running hash and a value. */
    static long mix(long h, long value) {
        long z = h * 0x9E3779B97F4A7C15L + value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
