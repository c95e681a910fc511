package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link ChatResponse} from streamed chat chunks and forwards text deltas to the listener.
 * Chunks may lack {@code role}, carry several choices by {@code index}, and bring {@code usage} only
 * in a last chunk with no choices. Not thread-safe: one per stream.
 */
final class StreamAssembler {

    private static final class Part {
        final StringBuilder text = new StringBuilder();
        final List<TokenLogprob> logprobs = new ArrayList<>();
        String finishReason = "";
    }

    private final Map<Integer, Part> parts = new TreeMap<>();
    private final StreamListener listener;
    private final int indexOffset;
    private Usage usage = Usage.NONE;
    private String model = "";

    /** @param indexOffset added to each choice index before it reaches the listener (fan-out requests) */
    StreamAssembler(StreamListener listener, int indexOffset) {
        this.listener = listener;
        this.indexOffset = indexOffset;
    }

    void accept(JsonNode chunk) {
        Json.text(chunk, "model").filter(m -> !m.isEmpty()).ifPresent(m -> model = m);
        JsonNode usageNode = chunk.get("usage");
        if (usageNode != null && usageNode.isObject()) {
            usage = OpenAiResponseParser.usage(usageNode);
        }
        JsonNode choices = chunk.get("choices");
        if (choices == null || !choices.isArray()) {
            return;
        }
        for (JsonNode choice : choices) {
            int index = choice.path("index").asInt(0);
            Part part = parts.computeIfAbsent(index, i -> new Part());
            JsonNode delta = choice.has("delta") ? choice.get("delta") : choice;
            String text = Json.text(delta, choice.has("delta") ? "content" : "text").orElse("");
            if (!text.isEmpty()) {
                part.text.append(text);
                listener.onDelta(index + indexOffset, text);
            }
            part.logprobs.addAll(LogprobsParser.generated(choice));
            Json.text(choice, "finish_reason").filter(r -> !r.isEmpty()).ifPresent(r -> part.finishReason = r);
        }
    }

    boolean hasChoices() {
        return !parts.isEmpty();
    }

    /** Every choice seen so far said why it finished. */
    boolean allFinished() {
        return !parts.isEmpty() && parts.values().stream().allMatch(p -> !p.finishReason.isEmpty());
    }

    ChatResponse result(String requestedModel) {
        List<Choice> choices = new ArrayList<>();
        for (Part part : parts.values()) {
            choices.add(new Choice(part.text.toString(), part.finishReason, part.logprobs));
        }
        return new ChatResponse(model.isEmpty() ? requestedModel : model, choices, usage);
    }
}
