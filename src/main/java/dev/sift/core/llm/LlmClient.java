package dev.sift.core.llm;

import java.util.List;

/**
 * Talks to one model server. Implementations are thread-safe; every method blocks until the answer is
 * complete and honours thread interruption by aborting the call in flight (and then throwing
 * {@link LlmException} of kind TRANSIENT with an interrupted cause, leaving the interrupt flag set).
 * A single call makes a single attempt: retries, rate limits, caching and cost belong to decorators.
 */
public interface LlmClient {

    /** The model ids the server lists. */
    List<String> models() throws LlmException;

    ChatResponse chat(ChatRequest request) throws LlmException;

    /** Streams the completion to {@code listener} and returns the assembled response. */
    ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException;

    /**
     * Teacher-forced scoring of a continuation.
     *
     * @throws LlmException of kind UNSUPPORTED, early and naming the server, when it cannot return
     *     prompt-token log-probs
     */
    ScoreResult score(ScoreRequest request) throws LlmException;
}
