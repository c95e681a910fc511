package dev.sift.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The judge's prompts: single-answer grading ({@code {question}}, {@code {answer}}), pairwise comparison
 * ({@code {question}}, {@code {answer_1}}, {@code {answer_2}}), and the two repair messages sent once when
 * a reply lacks its score in the required form. The defaults ship as {@code judge-prompts.json} beside
 * this class; a file of the same shape replaces them.
 */
public record JudgePrompts(PromptTemplate single, String singleRepair, PromptTemplate pairwise, String pairwiseRepair) {

    private static final String RESOURCE = "judge-prompts.json";

    public JudgePrompts {
        Objects.requireNonNull(single, "single");
        Objects.requireNonNull(singleRepair, "singleRepair");
        Objects.requireNonNull(pairwise, "pairwise");
        Objects.requireNonNull(pairwiseRepair, "pairwiseRepair");
    }

    /** The shipped prompts. */
    public static JudgePrompts defaults() {
        try (InputStream in = JudgePrompts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the build");
            }
            return fromJson(new ObjectMapper().readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads prompts from a JSON file shaped like the shipped one. */
    public static JudgePrompts read(Path file) throws IOException {
        return fromJson(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
    }

    static JudgePrompts fromJson(JsonNode root, String source) {
        return new JudgePrompts(template(root, "single", source), text(root, "singleRepair", source),
                template(root, "pairwise", source), text(root, "pairwiseRepair", source));
    }

    private static PromptTemplate template(JsonNode root, String field, String source) {
        JsonNode node = root.path(field);
        if (!node.isObject()) {
            throw new IllegalArgumentException(source + ": field '" + field + "' must be an object {system, user}");
        }
        return new PromptTemplate(node.path("system").asText(""), text(node, "user", source + " " + field));
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }
}
