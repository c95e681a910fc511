package dev.sift.core.llm.openai;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Splits a {@code text/event-stream} body into events. Follows the SSE rules (fields, multi-line
 * data, comments, blank line ends an event) and is lenient where servers are: an event still pending
 * at the end of the body is delivered, and llama.cpp's non-standard {@code error: {...}} line is an
 * event of its own named "error". Not thread-safe; blocks on the source.
 */
final class SseReader {

    private final BufferedSource source;

    SseReader(BufferedSource source) {
        this.source = source;
    }

    /** The next event, or null at the end of the body. */
    SseEvent next() throws IOException {
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(name == null ? "message" : name, data.toString());
                }
                name = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                case "event" -> name = value;
                case "error" -> {
                    return new SseEvent("error", value);
                }
                default -> {
                    // id, retry and unknown fields mean nothing to a completion stream
                }
            }
        }
        return data == null ? null : new SseEvent(name == null ? "message" : name, data.toString());
    }
}
