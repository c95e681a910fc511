package dev.sift.core.llm;

/**
 * Receives a streamed completion. Called on the client's thread, in order; implementations must be
 * fast and must not throw.
 */
public interface StreamListener {

    /** A piece of generated text for choice {@code index}. */
    void onDelta(int index, String text);
}
