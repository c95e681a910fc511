package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns HTTP statuses, transport failures and bad answers into {@link LlmException}s whose message
 * names the endpoint (display name and base URL) and the request, and never the API key: any text
 * the server sends back is scrubbed of the key before it is quoted.
 */
final class HttpErrors {

    private static final int MAX_QUOTE = 300;

    private final EndpointRef ref;
    private final Optional<String> apiKey;
    private final Clock clock;

    HttpErrors(EndpointRef ref, Optional<String> apiKey, Clock clock) {
        this.ref = ref;
        this.apiKey = apiKey.filter(k -> !k.isEmpty());
        this.clock = clock;
    }

    EndpointRef ref() {
        return ref;
    }

    /** An answer with a status outside 2xx. */
    HttpStatusException status(String what, HttpReply reply) {
        int code = reply.code();
        String server = serverMessage(reply.body());
        if (code == 401 || code == 403) {
            // The server's words are left out on purpose: some quote (part of) the key they rejected.
            return new HttpStatusException(Kind.PERMANENT,
                    ref + " rejected the API key (HTTP " + code + " on " + what + ")", code, null, "");
        }
        Duration retryAfter = code == 429 || code == 503 ? retryAfter(reply.headers().get("Retry-After")) : null;
        String message = ref + ": " + what + " failed with HTTP " + code + (server.isEmpty() ? "" : ": " + server);
        return new HttpStatusException(kindOf(code), message, code, retryAfter, server);
    }

    static Kind kindOf(int code) {
        if (code == 408 || code == 409 || code == 429 || code >= 500) {
            return Kind.TRANSIENT;
        }
        return Kind.PERMANENT;
    }

    /** The call failed below HTTP: refused, reset, timed out, or the TLS peer was not trusted. */
    LlmException transport(String what, Throwable failure) {
        String problem;
        Kind kind = Kind.TRANSIENT;
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            problem = "timed out";
        } else if (failure instanceof ConnectException) {
            problem = "could not connect";
        } else if (failure instanceof UnknownHostException) {
            problem = "unknown host";
        } else if (failure instanceof SSLPeerUnverifiedException) {
            problem = "the server's certificate is not trusted";
            kind = Kind.PERMANENT;
        } else if (failure instanceof IOException) {
            problem = "the connection failed";
        } else {
            problem = "the call failed unexpectedly";
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : scrub(failure.getMessage());
        return new LlmException(kind, ref + ": " + what + " " + problem + " (" + detail + ")", 0, null, failure);
    }

    /** The calling thread was interrupted; the call has been cancelled and the flag restored by the caller. */
    LlmException interrupted(String what, InterruptedException cause) {
        return new LlmException(Kind.TRANSIENT, ref + ": " + what + " was interrupted", 0, null, cause);
    }

    /** A 2xx answer that cannot be used. */
    LlmException malformed(String what, String problem) {
        return new LlmException(Kind.PERMANENT, ref + ": " + what + " " + problem);
    }

    /** A stream that stopped before it said it was complete. */
    LlmException truncated(String what) {
        return new LlmException(Kind.TRANSIENT, ref + ": " + what + " stream ended early (no [DONE] and no finish_reason)");
    }

    /**
     * An error object inside a 200 answer or stream ({@code {"code":500,"message":…,"type":…}}, or just
     * a string). Its code or type decides the kind; without either it is taken as a server fault.
     */
    LlmException errorObject(String what, JsonNode error) {
        String message = error == null ? "" : error.isTextual() ? error.asText() : Json.text(error, "message").orElse(error.toString());
        int code = 0;
        Kind kind = Kind.TRANSIENT;
        if (error != null && error.isObject()) {
            JsonNode codeNode = error.has("code") ? error.get("code") : error.get("status");
            code = codeNode != null && codeNode.canConvertToInt() ? codeNode.asInt() : 0;
            String type = Json.text(error, "type").orElse("").toLowerCase(Locale.ROOT);
            if (code >= 400) {
                kind = kindOf(code);
            } else if (type.contains("invalid_request") || type.contains("exceed_context") || type.contains("not_supported")) {
                kind = Kind.PERMANENT;
            }
        }
        return new LlmException(kind, ref + ": " + what + " reported an error: " + quote(message), code, null, null);
    }

    /** What an error body says, scrubbed and shortened; "" when it says nothing readable. */
    String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        Optional<JsonNode> json = Json.tryParse(body);
        if (json.isEmpty() || !json.get().isObject()) {
            return quote(body.strip());
        }
        JsonNode root = json.get();
        JsonNode error = root.get("error");
        if (error != null && error.isObject() && error.has("message")) {
            return quote(error.get("message").asText());
        }
        if (error != null && error.isTextual()) {
            return quote(error.asText());
        }
        for (String field : new String[] {"message", "detail"}) {
            JsonNode value = root.get(field);
            if (value != null && !value.isNull()) {
                return quote(value.isTextual() ? value.asText() : value.toString());
            }
        }
        return quote(body.strip());
    }

    /** Seconds or an HTTP date, as a non-negative duration; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private String quote(String text) {
        String clean = scrub(text).replaceAll("\\s+", " ").strip();
        return clean.length() <= MAX_QUOTE ? clean : clean.substring(0, MAX_QUOTE) + "…";
    }

    /** Removes the key from text that came from elsewhere (a server, an exception). */
    String scrub(String text) {
        if (text == null) {
            return "";
        }
        return apiKey.map(k -> text.replace(k, "***")).orElse(text);
    }
}
