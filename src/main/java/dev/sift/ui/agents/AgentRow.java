package dev.sift.ui.agents;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import java.util.Locale;
import java.util.Map;

/** One agent as the agent table shows it. */
public record AgentRow(Agent agent, String target) {

    static final int PREVIEW = 60;

    /** @param endpointNames endpoint names by id, for the "endpoint or group" column */
    public static AgentRow of(Agent agent, Map<Long, String> endpointNames) {
        String target = agent.endpointId() != 0
                ? endpointNames.getOrDefault(agent.endpointId(), "endpoint " + agent.endpointId())
                : "group " + agent.endpointGroup();
        return new AgentRow(agent, target);
    }

    public long id() {
        return agent.id();
    }

    public String name() {
        return agent.name();
    }

    public String model() {
        return agent.model();
    }

    public String role() {
        return roleLabel(agent.role());
    }

    /** The system prompt on one line, cut after {@value #PREVIEW} characters. */
    public String promptPreview() {
        String line = agent.systemPrompt().strip().replaceAll("\\s+", " ");
        return line.length() <= PREVIEW ? line : line.substring(0, PREVIEW - 1) + "…";
    }

    /** "Instruction rewriter" for INSTRUCTION_REWRITER. */
    public static String roleLabel(AgentRole role) {
        String words = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
