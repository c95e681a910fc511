package dev.sift.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decoding parameters as a JSON object with the OpenAI names ({@code max_tokens}, {@code temperature},
 * {@code top_p}, {@code seed}, {@code stop}, {@code n}, {@code logprobs}, {@code top_logprobs},
 * {@code response_format}): how agents and run configurations store them. Absent keys are defaults.
 */
public final class ChatParametersJson {

    private static final List<String> KEYS = List.of(
            "max_tokens", "temperature", "top_p", "seed", "stop", "n", "logprobs", "top_logprobs", "response_format");

    private ChatParametersJson() {}

    public static void write(ChatParameters parameters, ObjectNode target) {
        parameters.maxTokens().ifPresent(v -> target.put("max_tokens", v));
        parameters.temperature().ifPresent(v -> target.put("temperature", v));
        parameters.topP().ifPresent(v -> target.put("top_p", v));
        parameters.seed().ifPresent(v -> target.put("seed", v));
        if (!parameters.stop().isEmpty()) {
            parameters.stop().forEach(target.putArray("stop")::add);
        }
        if (parameters.n() != 1) {
            target.put("n", parameters.n());
        }
        if (parameters.logprobs()) {
            target.put("logprobs", true);
            target.put("top_logprobs", parameters.topLogprobs());
        }
        parameters.responseFormat().ifPresent(v -> target.put("response_format", v));
    }

    public static String toJson(ChatParameters parameters) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        write(parameters, node);
        return node.toString();
    }

    /**
     * Reads parameters from a JSON object.
     *
     * @throws IllegalArgumentException naming the key when a value has the wrong type or range, or an
     *     unknown key is present (a typo would otherwise be silently ignored)
     */
    public static ChatParameters read(JsonNode p) {
        if (!p.isObject()) {
            throw new IllegalArgumentException("decoding parameters must be a JSON object");
        }
        p.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown decoding parameter '" + key + "'; known: " + String.join(", ", KEYS));
            }
        });
        List<String> stop = new ArrayList<>();
        JsonNode stopNode = p.path("stop");
        if (stopNode.isTextual()) {
            stop.add(stopNode.asText());
        } else {
            stopNode.forEach(s -> stop.add(s.asText()));
        }
        return new ChatParameters(
                p.has("max_tokens") ? OptionalInt.of(integer(p, "max_tokens")) : OptionalInt.empty(),
                p.has("temperature") ? OptionalDouble.of(number(p, "temperature")) : OptionalDouble.empty(),
                p.has("top_p") ? OptionalDouble.of(number(p, "top_p")) : OptionalDouble.empty(),
                p.has("seed") ? OptionalLong.of(p.get("seed").asLong()) : OptionalLong.empty(),
                stop,
                p.has("n") ? integer(p, "n") : 1,
                p.path("logprobs").asBoolean(false),
                p.has("top_logprobs") ? integer(p, "top_logprobs") : 0,
                p.hasNonNull("response_format") ? Optional.of(p.get("response_format").asText()) : Optional.empty());
    }

    public static ChatParameters fromJson(String json) {
        try {
            return read(new ObjectMapper().readTree(json.isBlank() ? "{}" : json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("decoding parameters are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static int integer(JsonNode p, String key) {
        if (!p.get(key).canConvertToInt()) {
            throw new IllegalArgumentException("decoding parameter '" + key + "' must be a whole number");
        }
        return p.get(key).asInt();
    }

    private static double number(JsonNode p, String key) {
        if (!p.get(key).isNumber()) {
            throw new IllegalArgumentException("decoding parameter '" + key + "' must be a number");
        }
        return p.get(key).asDouble();
    }
}
