package dev.sift.core.pipeline;

import dev.sift.core.judge.JudgePrompts;
import dev.sift.core.judge.LlmJudge;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agents a run's configuration names, found in the project with errors naming the field, each asked through one
 * client however many roles it plays in the run; with the judge and the IFD scorers the recipes build the same way.
 */
final class RunAgents {

    private final ProjectStore store;
    private final AgentClients clients;
    private final Map<Long, LlmClient> byAgent = new HashMap<>();

    RunAgents(ProjectStore store, AgentClients clients) {
        this.store = store;
        this.clients = clients;
    }

    /** @throws IllegalArgumentException naming {@code field} when the project has no agent {@code name} */
    static Agent named(ProjectStore store, String name, String field) throws StoreException {
        return store.agents().findByName(name).orElseThrow(() -> new IllegalArgumentException("field '" + field
                + "': there is no agent '" + name + "'; see 'sift agents list'"));
    }

    /** @throws IllegalArgumentException naming {@code field} when there is no such agent or it has another role */
    static Agent named(ProjectStore store, String name, String field, AgentRole role) throws StoreException {
        Agent agent = named(store, name, field);
        if (agent.role() != role) {
            throw new IllegalArgumentException("field '" + field + "': agent '" + agent.name() + "' has the role "
                    + agent.role().name().toLowerCase(Locale.ROOT) + ", not " + role.name().toLowerCase(Locale.ROOT));
        }
        return agent;
    }

    /** The client of {@code agent}, opened once for the run. */
    LlmClient client(Agent agent) throws Exception {
        LlmClient client = byAgent.get(agent.id());
        if (client == null) {
            client = clients.forAgent(agent);
            byAgent.put(agent.id(), client);
        }
        return client;
    }

    /**
     * The judge of the configuration's {@code judge} agent, with the prompts of {@code judgePrompts} or the shipped
     * ones, or empty when it names no judge.
     */
    Optional<LlmJudge> judge(Optional<String> judge, Optional<String> judgePrompts) throws Exception {
        if (judge.isEmpty()) {
            return Optional.empty();
        }
        Agent agent = named(store, judge.get(), "judge");
        JudgePrompts prompts = judgePrompts.isPresent() ? JudgePrompts.read(Path.of(judgePrompts.get()))
                : JudgePrompts.defaults();
        return Optional.of(new LlmJudge(client(agent), agent.model(), ChatParametersJson.fromJson(
                agent.parametersJson()), prompts));
    }

    /** The IFD scorer with the run's settings, its window capped at the model's own. */
    static IfdScorer ifd(CausalLmScorer scorer, IfdOptions options) {
        return new IfdScorer(scorer, options.withMaxLength(Math.min(options.maxLength(), scorer.maxLength())));
    }
}
