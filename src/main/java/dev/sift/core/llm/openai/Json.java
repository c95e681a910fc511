package dev.sift.core.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The package's one Jackson mapper (thread-safe once configured) and small lenient readers. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** Parses a body; the exception's {@link BadReply#getMessage()} says what was wrong, without the body. */
    static JsonNode parse(String body) throws BadReply {
        if (body == null || body.isBlank()) {
            throw new BadReply("answered with an empty body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadReply("answered with malformed JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The parsed body, or empty when it is not JSON. */
    static Optional<JsonNode> tryParse(String body) {
        try {
            return Optional.ofNullable(body == null || body.isBlank() ? null : MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A text field, or empty when it is absent, null or not text. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A long field; 0 when absent or not a number. */
    static long longValue(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : 0;
    }

    /** A numeric field, or null when absent, null or not a number. */
    static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    /** Says what was wrong with an answer; the caller adds which endpoint said it. */
    static final class BadReply extends Exception {
        BadReply(String problem) {
            super(problem);
        }
    }
}
