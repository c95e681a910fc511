package dev.sift.core.llm.engine;

import dev.sift.core.llm.LlmException;

/**
 * A REFUSED failure: the endpoint's {@link CircuitBreaker} is open, so the call was not sent. An
 * {@link EndpointPool} reacts by trying another member.
 */
public final class CircuitOpenException extends LlmException {

    private final String endpoint;

    public CircuitOpenException(String endpoint, String message) {
        super(Kind.REFUSED, message);
        this.endpoint = endpoint;
    }

    /** The name of the endpoint whose circuit is open. */
    public String endpoint() {
        return endpoint;
    }
}
