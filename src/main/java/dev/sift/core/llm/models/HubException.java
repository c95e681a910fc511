package dev.sift.core.llm.models;

import java.io.IOException;

/**
 * The Hub (or a server standing in for it) answered with an error status or a body that could not be
 * read. The message names the URL and the status, never the access token.
 */
public final class HubException extends IOException {

    private final int status;

    HubException(String message, int status) {
        super(message);
        this.status = status;
    }

    HubException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when the failure was not an HTTP answer. */
    public int status() {
        return status;
    }
}
