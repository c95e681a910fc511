package dev.sift.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.ChatParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a generate-responses run asks of each sample; kept as the run's configuration JSON so that a
 * resumed run asks exactly the same.
 *
 * @param model the model id sent to the endpoint
 * @param systemPrompt the system turn; when blank, the sample's own system prompt (if any) is used
 * @param parameters decoding parameters; without a seed, the run's seed is sent
 * @param agentPairId the agent pair the candidates are credited to, or 0
 */
public record GenerateResponsesSpec(String model, String systemPrompt, ChatParameters parameters, long agentPairId) {

    /** The recipe id under which these runs are stored. */
    public static final String RECIPE = "generate-responses";

    private static final ObjectMapper JSON = new ObjectMapper();

    public GenerateResponsesSpec {
        Objects.requireNonNull(model, "model");
        systemPrompt = Objects.requireNonNullElse(systemPrompt, "");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The configuration JSON stored with the run. */
    public String toConfigJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        root.put("system_prompt", systemPrompt);
        root.put("agent_pair_id", agentPairId);
        ObjectNode p = root.putObject("parameters");
        parameters.maxTokens().ifPresent(v -> p.put("max_tokens", v));
        parameters.temperature().ifPresent(v -> p.put("temperature", v));
        parameters.topP().ifPresent(v -> p.put("top_p", v));
        parameters.seed().ifPresent(v -> p.put("seed", v));
        parameters.stop().forEach(p.putArray("stop")::add);
        p.put("n", parameters.n());
        p.put("logprobs", parameters.logprobs());
        p.put("top_logprobs", parameters.topLogprobs());
        parameters.responseFormat().ifPresent(v -> p.put("response_format", v));
        return root.toString();
    }

    /**
     * Reads a configuration written by {@link #toConfigJson}.
     *
     * @throws IllegalArgumentException when the text is not such a configuration
     */
    public static GenerateResponsesSpec fromConfigJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode p = root.path("parameters");
            List<String> stop = new ArrayList<>();
            p.path("stop").forEach(s -> stop.add(s.asText()));
            var parameters = new ChatParameters(
                    p.has("max_tokens") ? OptionalInt.of(p.get("max_tokens").asInt()) : OptionalInt.empty(),
                    p.has("temperature") ? OptionalDouble.of(p.get("temperature").asDouble()) : OptionalDouble.empty(),
                    p.has("top_p") ? OptionalDouble.of(p.get("top_p").asDouble()) : OptionalDouble.empty(),
                    p.has("seed") ? OptionalLong.of(p.get("seed").asLong()) : OptionalLong.empty(),
                    stop, p.path("n").asInt(1), p.path("logprobs").asBoolean(false), p.path("top_logprobs").asInt(0),
                    p.has("response_format") ? Optional.of(p.get("response_format").asText()) : Optional.empty());
            if (!root.hasNonNull("model")) {
                throw new IllegalArgumentException("the configuration names no model");
            }
            return new GenerateResponsesSpec(root.get("model").asText(), root.path("system_prompt").asText(""),
                    parameters, root.path("agent_pair_id").asLong(0));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a generate-responses configuration: " + e.getOriginalMessage(), e);
        }
    }
}
