package dev.sift.ui.agents;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import java.util.Map;

/** One agent pair with its two agents' names. */
public record PairRow(AgentPair pair, String instructionAgent, String responseAgent) {

    public static PairRow of(AgentPair pair, Map<Long, Agent> agents) {
        return new PairRow(pair, name(agents, pair.instructionAgentId()), name(agents, pair.responseAgentId()));
    }

    private static String name(Map<Long, Agent> agents, long id) {
        Agent agent = agents.get(id);
        return agent == null ? "agent " + id : agent.name();
    }

    public long id() {
        return pair.id();
    }

    public String name() {
        return pair.name();
    }
}
