package dev.sift.core.llm.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a {@link ChatResponse} as JSON and restores it exactly: every text, finish reason, token
 * log-probability (including {@code -Infinity}, kept as a string) and usage count comes back equal.
 *
 * <pre>{"model":..,"choices":[{"text":..,"finish_reason":..,"logprobs":[{"token":..,"logprob":..,
 * "top":[{"token":..,"logprob":..}]}]}],"usage":{"prompt_tokens":..,"completion_tokens":..}}</pre>
 *
 * Thread-safe.
 */
public final class ChatResponseCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatResponseCodec() {}

    public static String toJson(ChatResponse response) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", response.model());
        ArrayNode choices = root.putArray("choices");
        for (Choice choice : response.choices()) {
            ObjectNode c = choices.addObject();
            c.put("text", choice.text());
            c.put("finish_reason", choice.finishReason());
            ArrayNode tokens = c.putArray("logprobs");
            for (TokenLogprob t : choice.logprobs()) {
                ObjectNode token = tokens.addObject();
                token.put("token", t.token());
                putDouble(token, "logprob", t.logprob());
                ArrayNode top = token.putArray("top");
                for (TokenLogprob.Alternative a : t.top()) {
                    ObjectNode alternative = top.addObject();
                    alternative.put("token", a.token());
                    putDouble(alternative, "logprob", a.logprob());
                }
            }
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", response.usage().promptTokens());
        usage.put("completion_tokens", response.usage().completionTokens());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Restores a response written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when the text is not such a response
     */
    public static ChatResponse fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Choice> choices = new ArrayList<>();
            for (JsonNode c : required(root, "choices")) {
                List<TokenLogprob> tokens = new ArrayList<>();
                for (JsonNode t : c.path("logprobs")) {
                    List<TokenLogprob.Alternative> top = new ArrayList<>();
                    for (JsonNode a : t.path("top")) {
                        top.add(new TokenLogprob.Alternative(required(a, "token").asText(), readDouble(a)));
                    }
                    tokens.add(new TokenLogprob(required(t, "token").asText(), readDouble(t), top));
                }
                choices.add(new Choice(required(c, "text").asText(), c.path("finish_reason").asText(""), tokens));
            }
            JsonNode usage = root.path("usage");
            return new ChatResponse(required(root, "model").asText(), choices,
                    new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored chat response: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a stored chat response: " + e.getMessage(), e);
        }
    }

    private static void putDouble(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.toString(value));
        }
    }

    private static double readDouble(JsonNode node) {
        JsonNode value = required(node, "logprob");
        return value.isTextual() ? Double.parseDouble(value.asText()) : value.doubleValue();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }
}
