package dev.sift.core.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which {@link ChatTemplate} a model folder wants: from the Jinja {@code chat_template} in
 * {@code tokenizer_config.json} (recognised by its markers, not executed), else from {@code model_type} in
 * {@code config.json} for the families whose type says it. Stateless; reads the two small files each call.
 */
public final class ChatTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Markers in the order they are tried: CHATML first, since several families reuse its tokens. */
    private static final List<Map.Entry<String, ChatTemplate>> MARKERS = List.of(
            Map.entry("<|im_start|>", ChatTemplate.CHATML),
            Map.entry("<|start_header_id|>", ChatTemplate.LLAMA3),
            Map.entry("<start_of_turn>", ChatTemplate.GEMMA),
            Map.entry("<|user|>", ChatTemplate.PHI3),
            Map.entry("[INST]", ChatTemplate.MISTRAL),
            Map.entry("ASSISTANT:", ChatTemplate.VICUNA),
            Map.entry("### Instruction", ChatTemplate.ALPACA));

    private static final Map<String, ChatTemplate> MODEL_TYPES = Map.of(
            "qwen2", ChatTemplate.CHATML,
            "qwen3", ChatTemplate.CHATML,
            "gemma", ChatTemplate.GEMMA,
            "gemma2", ChatTemplate.GEMMA,
            "gemma3_text", ChatTemplate.GEMMA,
            "phi3", ChatTemplate.PHI3,
            "mistral", ChatTemplate.MISTRAL);

    private ChatTemplates() {}

    /**
     * The template the folder's files point to, or empty when they do not say (no template, or one of an
     * unknown family): the user then chooses one by name.
     *
     * @throws IOException when a config file exists but is not valid JSON
     */
    public static Optional<ChatTemplate> detect(Path folder) throws IOException {
        Path tokenizerConfig = folder.resolve("tokenizer_config.json");
        if (Files.isRegularFile(tokenizerConfig)) {
            Optional<ChatTemplate> found = fromTemplateText(templateText(JSON.readTree(tokenizerConfig.toFile())));
            if (found.isPresent()) {
                return found;
            }
        }
        Path config = folder.resolve("config.json");
        if (Files.isRegularFile(config)) {
            String type = JSON.readTree(config.toFile()).path("model_type").asText("");
            return Optional.ofNullable(MODEL_TYPES.get(type.toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    /**
     * The template named {@code override} when it is not blank, else the detected one.
     *
     * @throws IllegalArgumentException with a message naming the folder and the choices, when the name is
     *     unknown or nothing is named and nothing can be detected
     * @throws IOException when a config file is not valid JSON
     */
    public static ChatTemplate choose(Path folder, String override) throws IOException {
        if (!override.isBlank()) {
            return ChatTemplate.byName(override).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown chat template '" + override.strip() + "'; choose one of " + ChatTemplate.names()));
        }
        return detect(folder).orElseThrow(() -> new IllegalArgumentException("Cannot tell the chat template of "
                + folder.getFileName() + " from its tokenizer_config.json or config.json; choose one of "
                + ChatTemplate.names()));
    }

    /** The family whose markers the Jinja text contains. */
    static Optional<ChatTemplate> fromTemplateText(String template) {
        return MARKERS.stream().filter(m -> template.contains(m.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** {@code chat_template} as a string, or the "default" entry of a list of named templates. */
    private static String templateText(JsonNode tokenizerConfig) {
        JsonNode node = tokenizerConfig.path("chat_template");
        if (node.isTextual()) {
            return node.asText();
        }
        for (JsonNode named : node) {
            if ("default".equals(named.path("name").asText())) {
                return named.path("template").asText("");
            }
        }
        return node.isArray() && !node.isEmpty() ? node.get(0).path("template").asText("") : "";
    }
}
