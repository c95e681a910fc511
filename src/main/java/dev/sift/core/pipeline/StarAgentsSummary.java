package dev.sift.core.pipeline;

import dev.sift.core.store.RunStatus;
import java.util.Map;

/**
 * How a Star-Agents job ended.
 *
 * @param roundsDone rounds whose weights are recorded
 * @param decided seeds with a decision from this run
 * @param weights the latest recorded probabilities by pair name
 * @param stopReason why it stopped early, or empty
 */
public record StarAgentsSummary(long runId, RunStatus status, int roundsDone, int rounds, int decided, int seeds,
        Map<String, Double> weights, double entropy, String stopReason) {

    public StarAgentsSummary {
        weights = Map.copyOf(weights);
    }
}
