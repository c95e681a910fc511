package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.model.Endpoint;
import java.util.Objects;

/**
 * Estimates a planned run before it starts, so the user sees calls, tokens and money up front. Prompt
 * tokens come from the {@link TokenEstimator}'s characters-per-token heuristic; output tokens are
 * either given per call or each request's {@code max_tokens} (times {@code n}), the worst case.
 *
 * <p>Threading: immutable and thread-safe; pure arithmetic, never blocks.
 */
public final class CostEstimator {

    private final TokenEstimator estimator;

    public CostEstimator(TokenEstimator estimator) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    /** With the default 4 characters per token. */
    public CostEstimator() {
        this(TokenEstimator.DEFAULT);
    }

    /** The core arithmetic: {@code calls} calls with {@code promptChars} characters of prompt in all. */
    public CostEstimate estimate(Endpoint endpoint, long calls, long promptChars, long outputTokensPerCall) {
        if (calls < 0 || promptChars < 0 || outputTokensPerCall < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        long prompt = estimator.tokensForChars(promptChars);
        long completion = calls * outputTokensPerCall;
        return new CostEstimate(calls, prompt, completion, endpoint.cost(prompt, completion));
    }

    /** Each request's output estimated at its {@code max_tokens} (or the estimator's default) times n. */
    public CostEstimate estimate(Endpoint endpoint, Iterable<ChatRequest> requests) {
        long calls = 0;
        long prompt = 0;
        long completion = 0;
        for (ChatRequest request : requests) {
            calls++;
            prompt += estimator.promptTokens(request);
            completion += estimator.completionTokens(request);
        }
        return new CostEstimate(calls, prompt, completion, endpoint.cost(prompt, completion));
    }

    /** Each request's output taken as {@code expectedOutputTokensPerCall} per completion (times n). */
    public CostEstimate estimate(Endpoint endpoint, Iterable<ChatRequest> requests, int expectedOutputTokensPerCall) {
        if (expectedOutputTokensPerCall < 0) {
            throw new IllegalArgumentException("expected output must not be negative");
        }
        long calls = 0;
        long prompt = 0;
        long completion = 0;
        for (ChatRequest request : requests) {
            calls++;
            prompt += estimator.promptTokens(request);
            completion += (long) expectedOutputTokensPerCall * request.parameters().n();
        }
        return new CostEstimate(calls, prompt, completion, endpoint.cost(prompt, completion));
    }
}
