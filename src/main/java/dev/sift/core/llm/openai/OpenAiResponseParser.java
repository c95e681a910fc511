package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.openai.Json.BadReply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads answers of the OpenAI-compatible API; lenient about absent optional fields, strict about missing choices. */
final class OpenAiResponseParser {

    private OpenAiResponseParser() {}

    /** A non-streamed chat (or completions) answer; choices ordered by their {@code index}. */
    static ChatResponse chat(JsonNode root, String requestedModel) throws BadReply {
        if (!root.isObject()) {
            throw new BadReply("answered with JSON that is not an object");
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new BadReply("answered with no choices");
        }
        List<JsonNode> ordered = new ArrayList<>();
        choices.forEach(ordered::add);
        ordered.sort(Comparator.comparingInt(c -> c.path("index").asInt(0)));
        List<Choice> out = new ArrayList<>();
        for (JsonNode choice : ordered) {
            out.add(new Choice(textOf(choice), Json.text(choice, "finish_reason").orElse(""),
                    LogprobsParser.generated(choice)));
        }
        return new ChatResponse(modelOf(root, requestedModel), out, usage(root.get("usage")));
    }

    /** {@code {"data":[{"id":…}]}}, or Ollama's native {@code {"models":[{"name":…}]}}. */
    static List<String> modelIds(JsonNode root) throws BadReply {
        JsonNode list = root.has("data") ? root.get("data") : root.get("models");
        if (list == null || !list.isArray()) {
            throw new BadReply("answered without a model list");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode model : list) {
            Json.text(model, "id").or(() -> Json.text(model, "name")).ifPresent(ids::add);
        }
        return ids;
    }

    static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        return new Usage(Json.longValue(usage, "prompt_tokens"), Json.longValue(usage, "completion_tokens"));
    }

    static String modelOf(JsonNode root, String requestedModel) {
        return Json.text(root, "model").filter(m -> !m.isEmpty()).orElse(requestedModel);
    }

    /** The error object of a 2xx answer that is really an error ({@code {"error": …}} and no choices), or null. */
    static JsonNode errorIn(JsonNode root) {
        JsonNode error = root.get("error");
        if (error == null || error.isNull() || root.has("choices")) {
            return null;
        }
        return error;
    }

    /** Chat content (a string, or a list of text parts), or completions text; "" when absent. */
    private static String textOf(JsonNode choice) {
        JsonNode message = choice.get("message");
        if (message != null && message.isObject()) {
            JsonNode content = message.get("content");
            if (content != null && content.isArray()) {
                StringBuilder text = new StringBuilder();
                content.forEach(part -> text.append(part.isTextual() ? part.asText() : part.path("text").asText("")));
                return text.toString();
            }
            return content != null && content.isTextual() ? content.asText() : "";
        }
        return Json.text(choice, "text").orElse("");
    }
}
