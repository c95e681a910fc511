package dev.sift.core.agentinstruct;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Agent;
import dev.sift.core.model.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent playing one role in the flows, with its client. A request carries the skill's rendered system prompt
 * (the agent's own when the skill gives none) and the rendered user message, the agent's model and parameters, and
 * a seed derived from the work unit when the agent's parameters fix none, so two units with the same prompt are
 * still asked separately (and each is cached on its own).
 */
public record SkillAgent(Agent agent, LlmClient client) {

    /** The agent's name, for provenance. */
    public String name() {
        return agent.name();
    }

    /** The request this agent is sent for a system prompt and user message. */
    public ChatRequest request(String system, String user, long unitSeed) {
        ChatParameters p = ChatParametersJson.fromJson(agent.parametersJson());
        ChatParameters parameters = p.seed().isPresent() ? p : p.withSeed(unitSeed);
        List<Message> messages = new ArrayList<>();
        String s = system.isBlank() ? agent.systemPrompt() : system;
        if (!s.isBlank()) {
            messages.add(new Message(Message.SYSTEM, s));
        }
        messages.add(new Message(Message.USER, user));
        return new ChatRequest(agent.model(), messages, parameters);
    }

    /** Asks the agent; returns its text. */
    public String ask(String system, String user, long unitSeed) throws LlmException {
        return client.chat(request(system, user, unitSeed)).text();
    }
}
