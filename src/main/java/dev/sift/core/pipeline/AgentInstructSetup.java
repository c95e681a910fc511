package dev.sift.core.pipeline;

import dev.sift.core.agentinstruct.Skill;
import dev.sift.core.agentinstruct.SkillAgent;
import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.agentinstruct.SkillReader;
import dev.sift.core.judge.LlmJudge;
import dev.sift.core.model.Agent;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an AgentInstruct job talks to: a client per agent (normally the agent's full stack with the call cache bound
 * to the run) and, when the run scores IFD, the scorer opened by the caller. {@link #resolve} reads the run's skills
 * from the definitions stored with it and finds its agents and judge in the project, with errors naming the field.
 */
public final class AgentInstructSetup {

    private final AgentClients clients;
    private final Optional<CausalLmScorer> ifdScorer;

    public AgentInstructSetup(AgentClients clients, Optional<CausalLmScorer> ifdScorer) {
        this.clients = clients;
        this.ifdScorer = ifdScorer;
    }

    /** The run's skills by name (in the configuration's order), agents by role, judge and IFD scorer. */
    record Resolved(AgentInstructSpec spec, Map<String, Skill> skills, Map<String, SkillAgent> agents,
            Optional<LlmJudge> judge, Optional<IfdScorer> ifd) {}

    /**
     * The configuration with the text of each skill it names taken from {@code library}, checked against the
     * project: the seed collection and the agents must exist and the output dataset must not.
     *
     * @throws IllegalArgumentException naming the field otherwise
     */
    static AgentInstructSpec check(ProjectStore store, AgentInstructSpec spec, SkillLibrary library)
            throws StoreException {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String name : spec.skills().keySet()) {
            Skill skill = library.find(name).orElseThrow(() -> new IllegalArgumentException("field 'skills': there "
                    + "is no skill '" + name + "'; known: " + new TreeSet<>(library.all().stream().map(Skill::name)
                            .toList())));
            definitions.put(name, skill.definition());
        }
        var collection = AgentInstructJob.collection(store, spec);
        java.util.Set<String> kinds = new TreeSet<>();
        store.seeds().forEachChunk(collection.id(), c -> kinds.add(c.kind().id()));
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("field 'seeds': the collection '" + collection.name()
                    + "' holds no chunks");
        }
        boolean fits = spec.skills().entrySet().stream().anyMatch(e -> e.getValue() > 0 && kinds.stream()
                .anyMatch(library.find(e.getKey()).orElseThrow()::accepts));
        if (!fits) {
            throw new IllegalArgumentException("field 'skills': none of " + spec.skills().keySet() + " takes the "
                    + "collection's chunks (" + String.join(", ", kinds) + ")");
        }
        for (var e : spec.agents().entrySet()) {
            RunAgents.named(store, e.getValue(), "agents." + e.getKey());
        }
        if (spec.judge().isPresent()) {
            RunAgents.named(store, spec.judge().get(), "judge");
        }
        if (store.datasets().findByName(spec.dataset()).isPresent()) {
            throw new IllegalArgumentException("field 'dataset': there is a dataset '" + spec.dataset()
                    + "' already; name a new one for this run's pairs");
        }
        return spec.withSkillDefinitions(definitions);
    }

    Resolved resolve(ProjectStore store, AgentInstructSpec spec) throws Exception {
        Map<String, Skill> skills = new LinkedHashMap<>();
        for (String name : spec.skills().keySet()) {
            String definition = spec.skillDefinitions().get(name);
            if (definition == null) {
                throw new IllegalArgumentException("field 'skillDefinitions': the run keeps no definition of skill '"
                        + name + "'");
            }
            skills.put(name, SkillReader.read(definition, "skill '" + name + "' of the run"));
        }
        var runAgents = new RunAgents(store, clients);
        Map<String, SkillAgent> agents = new LinkedHashMap<>();
        for (var e : spec.agents().entrySet()) {
            Agent agent = RunAgents.named(store, e.getValue(), "agents." + e.getKey());
            agents.put(e.getKey(), new SkillAgent(agent, runAgents.client(agent)));
        }
        Optional<LlmJudge> judge = runAgents.judge(spec.judge(), spec.judgePrompts());
        Optional<IfdScorer> ifd = ifdScorer.map(s -> RunAgents.ifd(s, spec.ifd()));
        return new Resolved(spec, skills, agents, judge, ifd);
    }
}
