package dev.sift.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.scoring.DirectMode;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.scoring.SpanMode;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The configuration of a {@code score-ifd} run: which local model scored, with which IFD settings, and how many
 * samples go to the model together.
 *
 * @param model the model's folder as the user gave it (kept for the record; never a key)
 * @param mode the preset the options came from, e.g. {@code cherry-v1}
 * @param options the IFD settings; the same for every sample of the run
 * @param batchSize the most samples (two sequences each) scored in one forward pass; a speed setting only, not
 *     part of the {@link #scoreKey()}: scores agree with one-by-one scoring up to float rounding
 */
public record ScoreIfdSpec(String model, String mode, IfdOptions options, int batchSize) {

    public static final String RECIPE = "score-ifd";
    /** The metric name of IFD scores; the value is IFD_loss, IFD_ppl is in the details. */
    public static final String METRIC = "ifd";
    /** The default {@link #batchSize()}: 8 samples, i.e. up to 16 sequences per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    public ScoreIfdSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(options, "options");
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
    }

    /** A configuration with the {@link #DEFAULT_BATCH_SIZE}. */
    public ScoreIfdSpec(String model, String mode, IfdOptions options) {
        this(model, mode, options, DEFAULT_BATCH_SIZE);
    }

    public ScoreIfdSpec withBatchSize(int value) {
        return new ScoreIfdSpec(model, mode, options, value);
    }

    /**
     * The key under which the scores are comparable (the {@code template} column): template, direct text, span mode
     * and window, e.g. {@code alpaca/cherry_v1/concatenate/512}.
     */
    public String scoreKey() {
        return key(options);
    }

    /** The settings key of {@code options}; see {@link #scoreKey()}. */
    public static String key(IfdOptions options) {
        return lower(options.template().name()) + "/" + lower(options.directMode().name()) + "/"
                + lower(options.spanMode().name()) + "/" + options.maxLength();
    }

    public String toConfigJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model).put("mode", mode);
        root.put("template", options.template().name()).put("spanMode", options.spanMode().name())
                .put("directMode", options.directMode().name()).put("maxLength", options.maxLength());
        options.headerTokens().ifPresent(h -> root.put("headerTokens", h));
        root.put("batchSize", batchSize);
        return root.toString();
    }

    /** Reads a configuration written by {@link #toConfigJson}; one without a batch size gets the default. */
    public static ScoreIfdSpec fromConfigJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode header = root.path("headerTokens");
            var options = new IfdOptions(PromptTemplate.valueOf(root.path("template").asText()),
                    SpanMode.valueOf(root.path("spanMode").asText()),
                    DirectMode.valueOf(root.path("directMode").asText()), root.path("maxLength").asInt(),
                    header.isInt() ? OptionalInt.of(header.asInt()) : OptionalInt.empty());
            return new ScoreIfdSpec(root.path("model").asText(), root.path("mode").asText(), options,
                    root.path("batchSize").asInt(DEFAULT_BATCH_SIZE));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a score-ifd configuration: " + e.getMessage(), e);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
