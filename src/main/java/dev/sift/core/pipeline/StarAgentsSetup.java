package dev.sift.core.pipeline;

import dev.sift.core.judge.JudgePrompts;
import dev.sift.core.judge.LlmJudge;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a Star-Agents job talks to: a client per agent (normally the agent's full stack with the call cache bound to
 * the run) and the small and large scorers, opened by the caller from the run's configuration. {@link #resolve}
 * finds the configuration's pairs, agents and judge in the project, with errors naming the field.
 */
public final class StarAgentsSetup {

    /** The client an agent is asked through. */
    @FunctionalInterface
    public interface AgentClients {
        LlmClient forAgent(Agent agent) throws Exception;
    }

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
        Map<Long, LlmClient> byAgent = new HashMap<>();
        Map<Long, StarAgentsPair> pairs = new TreeMap<>();
        for (String name : spec.pairs()) {
            AgentPair pair = store.agents().findPairByName(name).orElseThrow(() -> new IllegalArgumentException(
                    "field 'pairs': there is no agent pair '" + name + "'; see 'sift agents pairs'"));
            Agent rewriter = agent(store, pair.instructionAgentId(), name);
            Agent responder = agent(store, pair.responseAgentId(), name);
            boolean responseOnly = spec.responseOnly().contains(name);
            LlmClient rewriterClient = responseOnly ? null : client(byAgent, rewriter);
            pairs.put(pair.id(), new StarAgentsPair(pair, rewriter, rewriterClient, responder,
                    client(byAgent, responder), responseOnly, spec.seed()));
        }
        Optional<LlmJudge> judge = Optional.empty();
        if (spec.judge().isPresent()) {
            String name = spec.judge().get();
            Agent agent = store.agents().findByName(name).orElseThrow(() -> new IllegalArgumentException(
                    "field 'judge': there is no agent '" + name + "'"));
            JudgePrompts prompts = spec.judgePrompts().isPresent()
                    ? JudgePrompts.read(Path.of(spec.judgePrompts().get())) : JudgePrompts.defaults();
            judge = Optional.of(new LlmJudge(client(byAgent, agent), agent.model(),
                    ChatParametersJson.fromJson(agent.parametersJson()), prompts));
        }
        var evaluator = new StarAgentsEvaluator(store, ifd(small, spec.ifd()), ifd(large, spec.ifd()), judge,
                spec.judge().orElse(""), spec.rules());
        return new Resolved(spec, pairs, evaluator);
    }

    /** The IFD scorer with the run's settings, its window capped at the model's own. */
    private static IfdScorer ifd(CausalLmScorer scorer, IfdOptions options) {
        return new IfdScorer(scorer, options.withMaxLength(Math.min(options.maxLength(), scorer.maxLength())));
    }

    private LlmClient client(Map<Long, LlmClient> byAgent, Agent agent) throws Exception {
        LlmClient client = byAgent.get(agent.id());
        if (client == null) {
            client = clients.forAgent(agent);
            byAgent.put(agent.id(), client);
        }
        return client;
    }

    private static Agent agent(ProjectStore store, long id, String pair) throws StoreException {
        return store.agents().find(id).orElseThrow(() -> new StoreException("agent pair '" + pair
                + "' uses an agent that no longer exists"));
    }
}
