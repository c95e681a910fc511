package dev.sift.core.llm.cache;

/** Whether a run may answer requests from the request cache. Every call is logged either way. */
public enum CacheMode {
    /** A request seen before with a successful answer is answered from the log, free. */
    ON,
    /**
     * Every request goes to the server (for example to draw fresh samples). Answers are still logged,
     * so a later run with the cache on can reuse them.
     */
    OFF
}
