package dev.sift.core.pipeline;

import dev.sift.core.llm.LlmClient;
import dev.sift.core.model.Agent;

/** The client an agent is asked through (normally the agent's full stack with the call cache bound to the run). */
@FunctionalInterface
public interface AgentClients {
    LlmClient forAgent(Agent agent) throws Exception;
}
