package dev.sift.core.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to a model failed. The message is safe to show and log: it names the endpoint and what went
 * wrong, and never contains a key. {@link #kind()} tells the execution engine what to do next.
 */
public class LlmException extends Exception {

    /** What the failure means for a retry. */
    public enum Kind {
        /** Worth retrying after a pause: 429, 5xx, connection reset, timeout, truncated stream. */
        TRANSIENT,
        /** Retrying the same request will fail again: 4xx other than 408/429, malformed answers. */
        PERMANENT,
        /** The server cannot do this at all (e.g. prompt log-probs on llama.cpp); use another endpoint or scorer. */
        UNSUPPORTED,
        /** The run's budget or the endpoint's circuit breaker stopped the call before it was sent. */
        REFUSED
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;

    public LlmException(Kind kind, String message) {
        this(kind, message, 0, null, null);
    }

    public LlmException(Kind kind, String message, int httpStatus, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when the failure happened before or outside HTTP. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }
}
