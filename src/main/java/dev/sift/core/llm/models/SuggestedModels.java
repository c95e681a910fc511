package dev.sift.core.llm.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The short list of small models Sift suggests (GPT-2 for Superfiltering, SmolLM2-135M/360M-Instruct,
 * Qwen2.5-0.5B-Instruct). The list is data, in {@code suggested-models.json} beside this class, so that
 * fixing a file path needs no code change.
 *
 * <p>The ONNX file paths in that list follow the usual export layout of these repositories but were not
 * checked against the live Hub: the user (or the UI, by showing {@link HubClient#listFiles}) must confirm
 * them before a download, and {@link ModelDownloadJob} refuses a path the listing does not have.
 */
public final class SuggestedModels {

    static final String RESOURCE = "suggested-models.json";

    private SuggestedModels() {}

    /** The built-in list. */
    public static List<SuggestedModel> all() {
        try (InputStream in = SuggestedModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a list in the shape of {@code suggested-models.json}: {@code {"models":[{repoId, purpose, approxBytes, files}]}}. */
    static List<SuggestedModel> parse(InputStream json) throws IOException {
        JsonNode models = HubListing.JSON.readTree(json).path("models");
        List<SuggestedModel> list = new ArrayList<>();
        for (JsonNode model : models) {
            List<String> files = new ArrayList<>();
            model.path("files").forEach(f -> files.add(f.asText()));
            list.add(new SuggestedModel(model.path("repoId").asText(), model.path("purpose").asText(),
                    model.path("approxBytes").asLong(-1), files));
        }
        return List.copyOf(list);
    }
}
