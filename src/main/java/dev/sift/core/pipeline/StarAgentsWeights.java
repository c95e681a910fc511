package dev.sift.core.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * The evolution step of ALGORITHMS.md §1.2 (a RESOLUTION: the paper's rule is unknown). Each pair's win rate is
 * {@code wins / max(draws, 1)}; every probability moves by {@code beta * (rate - mean rate over all pairs)}, is
 * clipped to {@code [pMin, 1]}, and the whole is renormalised to sum 1. Pure functions of their inputs, so a round
 * recomputed offline from the stored wins and draws gives the same weights.
 */
public final class StarAgentsWeights {

    private StarAgentsWeights() {}

    /** Uniform probabilities over the pairs: the weights of round 0. */
    public static Map<Long, Double> uniform(Iterable<Long> pairIds) {
        Map<Long, Double> out = new TreeMap<>();
        pairIds.forEach(id -> out.put(id, 0.0));
        out.replaceAll((id, w) -> 1.0 / out.size());
        return out;
    }

    /** The weights after a round with these wins and draws per pair (pairs missing from the maps count 0). */
    public static Map<Long, Double> update(Map<Long, Double> current, Map<Long, Integer> wins,
            Map<Long, Integer> draws, double beta, double pMin) {
        Map<Long, Double> rates = new TreeMap<>();
        for (Long id : current.keySet()) {
            rates.put(id, wins.getOrDefault(id, 0) / (double) Math.max(draws.getOrDefault(id, 0), 1));
        }
        double mean = rates.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Map<Long, Double> next = new TreeMap<>();
        double sum = 0;
        for (Map.Entry<Long, Double> e : current.entrySet()) {
            double p = e.getValue() + beta * (rates.get(e.getKey()) - mean);
            p = Math.min(1, Math.max(pMin, p));
            next.put(e.getKey(), p);
            sum += p;
        }
        double total = sum;
        next.replaceAll((id, p) -> p / total);
        return next;
    }

    /** The Shannon entropy of the probabilities in nats. */
    public static double entropy(Map<Long, Double> weights) {
        double h = 0;
        for (double p : weights.values()) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
