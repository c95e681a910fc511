package dev.sift.core.pipeline;

import dev.sift.core.judge.LlmJudge;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a Star-Agents job talks to: a client per agent (normally the agent's full stack with the call cache bound to
 * the run) and the small and large scorers, opened by the caller from the run's configuration. {@link #resolve}
 * finds the configuration's pairs, agents and judge in the project, with errors naming the field.
 */
public final class StarAgentsSetup {

    private final AgentClients clients;
    private final CausalLmScorer small;
    private final CausalLmScorer large;

    public StarAgentsSetup(AgentClients clients, CausalLmScorer small, CausalLmScorer large) {
        this.clients = clients;
        this.small = small;
        this.large = large;
    }

    /** The pairs by id, and the evaluator, of a configuration. */
    record Resolved(StarAgentsSpec spec, Map<Long, StarAgentsPair> pairs, StarAgentsEvaluator evaluator) {}

    Resolved resolve(ProjectStore store, StarAgentsSpec spec) throws Exception {
        var agents = new RunAgents(store, clients);
        Map<Long, StarAgentsPair> pairs = new TreeMap<>();
        for (String name : spec.pairs()) {
            AgentPair pair = store.agents().findPairByName(name).orElseThrow(() -> new IllegalArgumentException(
                    "field 'pairs': there is no agent pair '" + name + "'; see 'sift agents pairs'"));
            Agent rewriter = agent(store, pair.instructionAgentId(), name);
            Agent responder = agent(store, pair.responseAgentId(), name);
            boolean responseOnly = spec.responseOnly().contains(name);
            LlmClient rewriterClient = responseOnly ? null : agents.client(rewriter);
            pairs.put(pair.id(), new StarAgentsPair(pair, rewriter, rewriterClient, responder,
                    agents.client(responder), responseOnly, spec.seed()));
        }
        Optional<LlmJudge> judge = agents.judge(spec.judge(), spec.judgePrompts());
        var evaluator = new StarAgentsEvaluator(store, RunAgents.ifd(small, spec.ifd()),
                RunAgents.ifd(large, spec.ifd()), judge, spec.judge().orElse(""), spec.rules());
        return new Resolved(spec, pairs, evaluator);
    }

    private static Agent agent(ProjectStore store, long id, String pair) throws StoreException {
        return store.agents().find(id).orElseThrow(() -> new StoreException("agent pair '" + pair
                + "' uses an agent that no longer exists"));
    }
}
