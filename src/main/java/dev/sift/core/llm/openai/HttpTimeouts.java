package dev.sift.core.llm.openai;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits for the HTTP calls of one client.
 *
 * @param connect to open a connection
 * @param read between two reads of the answer; for a non-streamed chat this covers the whole
 *     generation, for a stream the gap between two chunks
 * @param call for the whole call, {@link Duration#ZERO} for no limit
 */
public record HttpTimeouts(Duration connect, Duration read, Duration call) {

    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(call, "call");
        if (connect.isNegative() || read.isNegative() || call.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** 10 s to connect, 10 min between reads (a slow local model), no limit on the whole call. */
    public static HttpTimeouts defaults() {
        return new HttpTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ZERO);
    }

    /** The same limit to connect and between reads, no limit on the whole call. */
    public static HttpTimeouts of(Duration connectAndRead) {
        return new HttpTimeouts(connectAndRead, connectAndRead, Duration.ZERO);
    }
}
