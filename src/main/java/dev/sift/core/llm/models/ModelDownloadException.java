package dev.sift.core.llm.models;

import java.io.IOException;

/** A model download could not finish: a file is missing from the listing, truncated, or fails its checksum. */
public final class ModelDownloadException extends IOException {

    ModelDownloadException(String message) {
        super(message);
    }

    ModelDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
