package dev.sift.core.llm.engine;

/**
 * What a planned run is expected to use.
 *
 * @param calls requests to send
 * @param promptTokens estimated prompt tokens of all calls
 * @param completionTokens expected output tokens of all calls
 * @param cost money at the endpoint's prices
 */
public record CostEstimate(long calls, long promptTokens, long completionTokens, double cost) {

    public static final CostEstimate ZERO = new CostEstimate(0, 0, 0, 0);

    public long tokens() {
        return promptTokens + completionTokens;
    }

    public CostEstimate plus(CostEstimate other) {
        return new CostEstimate(calls + other.calls, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, cost + other.cost);
    }
}
