package dev.sift.core.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sampling probability of every agent pair after one round of a Star-Agents run; round 0 holds the initial
 * (uniform) probabilities.
 *
 * @param weights probability by agent pair id, in ascending pair id order
 */
public record RoundWeights(int round, Map<Long, Double> weights) {

    public RoundWeights {
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative");
        }
        weights = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(weights, "weights")));
    }
}
