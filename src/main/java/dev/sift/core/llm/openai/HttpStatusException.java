package dev.sift.core.llm.openai;

import dev.sift.core.llm.LlmException;
import java.time.Duration;

/** An {@link LlmException} from an HTTP error status that keeps the server's own words for callers in this package. */
final class HttpStatusException extends LlmException {

    private final String serverMessage;

    HttpStatusException(Kind kind, String message, int httpStatus, Duration retryAfter, String serverMessage) {
        super(kind, message, httpStatus, retryAfter, null);
        this.serverMessage = serverMessage;
    }

    /** What the server said, already stripped of the key; "" when it said nothing readable. */
    String serverMessage() {
        return serverMessage;
    }
}
