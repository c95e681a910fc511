package dev.sift.core.store;

import java.util.Locale;
import java.util.Optional;

/** The outcome of one logged LLM call. */
public enum LlmCallStatus {
    /** The server answered; the answer may serve later identical requests. */
    OK,
    /** The call failed; never served from the cache. */
    ERROR,
    /** Answered from the cache without calling the server: zero tokens and zero cost. */
    CACHED;

    /** The lower-case form kept in the project file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LlmCallStatus> fromId(String id) {
        for (LlmCallStatus s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
