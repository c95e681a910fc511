package dev.sift.core.agentinstruct;

import dev.sift.core.llm.LlmException;

/**
 * An agent answered, but not in the format its prompt asks for (e.g. a generator reply without an
 * {@code <instruction>} block). Permanent: asking again with the same request gives the same answer from the cache.
 */
public final class AgentOutputException extends LlmException {

    public AgentOutputException(String message) {
        super(Kind.PERMANENT, message);
    }
}
