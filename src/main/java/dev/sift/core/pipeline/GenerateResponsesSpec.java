package dev.sift.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatParametersJson;
import java.util.Objects;

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
        ChatParametersJson.write(parameters, root.putObject("parameters"));
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
            var parameters = ChatParametersJson.read(root.path("parameters").isMissingNode()
                    ? JSON.createObjectNode() : root.path("parameters"));
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
