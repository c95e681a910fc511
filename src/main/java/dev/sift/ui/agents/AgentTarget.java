package dev.sift.ui.agents;

import dev.sift.core.model.Agent;
import dev.sift.core.model.Endpoint;

/**
 * What an agent runs on: one endpoint, or every endpoint of a group.
 *
 * @param endpointId the endpoint, or 0 for a group
 * @param group the group, or empty for one endpoint
 */
public record AgentTarget(long endpointId, String group, String label) {

    public static AgentTarget of(Endpoint endpoint) {
        return new AgentTarget(endpoint.id(), "", endpoint.name());
    }

    public static AgentTarget ofGroup(String group) {
        return new AgentTarget(0, group, "group " + group);
    }

    public boolean isGroup() {
        return endpointId == 0;
    }

    public boolean isTargetOf(Agent agent) {
        return isGroup() ? group.equals(agent.endpointGroup()) : endpointId == agent.endpointId();
    }

    @Override
    public String toString() {
        return label;
    }
}
