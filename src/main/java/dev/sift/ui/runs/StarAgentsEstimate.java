package dev.sift.ui.runs;

import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.engine.CostEstimate;
import dev.sift.core.llm.engine.CostEstimator;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.StarAgentsSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The up-front estimate of a Star-Agents run: calls ≈ seeds covered × K × (rewrite + respond + judge), averaged over
 * the allowed pairs (a response-only pair has no rewrite); tokens and cost at the agents' endpoints' prices, with a
 * prompt assumed to be {@value #PROMPT_CHARS} characters and an answer the agent's {@code max_tokens} (or
 * {@value #DEFAULT_OUTPUT_TOKENS}). Scoring runs on the scorers and is not counted.
 */
final class StarAgentsEstimate {

    static final int PROMPT_CHARS = 800;
    static final int DEFAULT_OUTPUT_TOKENS = 256;

    private final Map<Long, Agent> agents;
    private final Map<String, AgentPair> pairs;
    private final Map<Long, Endpoint> endpoints;
    private final CostEstimator estimator = new CostEstimator();

    StarAgentsEstimate(Map<Long, Agent> agents, Map<String, AgentPair> pairs, Map<Long, Endpoint> endpoints) {
        this.agents = agents;
        this.pairs = pairs;
        this.endpoints = endpoints;
    }

    /** The seeds the run covers: rounds × batch size, or the whole dataset when rounds is 0. */
    static long seedsCovered(StarAgentsSpec spec, long datasetSamples) {
        return spec.rounds() == 0 ? datasetSamples : Math.min(datasetSamples, (long) spec.rounds() * spec.batchSize());
    }

    /** The estimate of one seed's calls with one drawn pair, averaged over the allowed pairs. */
    CostEstimate perDraw(StarAgentsSpec spec) {
        CostEstimate sum = CostEstimate.ZERO;
        Agent judge = spec.judge().flatMap(this::agentByName).orElse(null);
        for (String name : spec.pairs()) {
            AgentPair pair = pairs.get(name);
            if (pair == null) {
                continue;
            }
            if (!spec.responseOnly().contains(name)) {
                sum = sum.plus(call(agents.get(pair.instructionAgentId())));
            }
            sum = sum.plus(call(agents.get(pair.responseAgentId())));
            if (judge != null) {
                sum = sum.plus(call(judge));
            }
        }
        int n = spec.pairs().size();
        return new CostEstimate(Math.round((double) sum.calls() / n), sum.promptTokens() / n,
                sum.completionTokens() / n, sum.cost() / n);
    }

    /** "Estimate: ≈ N calls (…), ≈ T tokens, ≈ $C". */
    String describe(StarAgentsSpec spec, long datasetSamples) {
        long seeds = seedsCovered(spec, datasetSamples);
        CostEstimate one = perDraw(spec);
        long draws = seeds * spec.k();
        return String.format(Locale.ROOT, "Estimate: ≈ %,d calls (%,d seeds × K %d × %.1f calls), ≈ %,d tokens,"
                + " ≈ $%.4f at the endpoints' prices", draws * one.calls(), seeds, spec.k(), (double) one.calls(),
                draws * one.tokens(), draws * one.cost());
    }

    private CostEstimate call(Agent agent) {
        if (agent == null) {
            return CostEstimate.ZERO;
        }
        Endpoint endpoint = agent.endpointId() != 0 ? endpoints.get(agent.endpointId())
                : endpoints.values().stream().filter(e -> e.group().equals(agent.endpointGroup())).findFirst()
                        .orElse(null);
        int output = outputTokens(agent);
        if (endpoint == null) {
            return new CostEstimate(1, PROMPT_CHARS / 4, output, 0);
        }
        return estimator.estimate(endpoint, 1, PROMPT_CHARS, output);
    }

    private static int outputTokens(Agent agent) {
        try {
            return ChatParametersJson.fromJson(agent.parametersJson()).maxTokens().orElse(DEFAULT_OUTPUT_TOKENS);
        } catch (RuntimeException e) {
            return DEFAULT_OUTPUT_TOKENS;
        }
    }

    private Optional<Agent> agentByName(String name) {
        return agents.values().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
