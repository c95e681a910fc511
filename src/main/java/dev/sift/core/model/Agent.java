package dev.sift.core.model;

import java.util.Objects;

/**
 * A model with a role and a way of speaking.
 *
 * @param endpointId the endpoint serving it, or 0 when {@code endpointGroup} names a group of endpoints
 * @param parametersJson decoding parameters as a JSON object (temperature, top_p, max_tokens, seed, stop)
 */
public record Agent(
        long id, String name, long endpointId, String endpointGroup, String model, AgentRole role,
        String systemPrompt, String parametersJson) {

    public Agent {
        Objects.requireNonNull(name, "name");
        endpointGroup = Objects.requireNonNullElse(endpointGroup, "");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(role, "role");
        systemPrompt = Objects.requireNonNullElse(systemPrompt, "");
        parametersJson = Objects.requireNonNullElse(parametersJson, "{}");
        if ((endpointId == 0) == endpointGroup.isEmpty()) {
            throw new IllegalArgumentException("an agent uses either one endpoint or one endpoint group");
        }
    }
}
