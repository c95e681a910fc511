package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.pipeline.StarAgentsSpec.ScorerRef;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.scoring.SpanMode;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The configuration of a Selective Reflection-Tuning run (ALGORITHMS.md §4), read from the JSON file given to
 * {@code sift run reflection --config} and kept as the run's configuration so a resume works to the same rules
 * (see docs/reflection.md).
 *
 * @param dataset the dataset to reflect on, by name or id
 * @param teacher the teacher agent's name
 * @param student the student scorer: a local model folder, or an endpoint and model
 * @param template the scoring template (vicuna by default, as the reference)
 * @param maxLength the student's window in tokens (2048 by default; capped at the model's own)
 * @param variant which IFD and r-IFD ratio the rule compares: {@code ppl} (the released code) or {@code loss}
 * @param keepQOnly keep Q when it is accepted but QA is not
 * @param keepOriginal keep the original when neither reflection is accepted
 * @param topK keep only the k selected samples with the highest student IFD (r-IFD below 1), or empty for all
 * @param referenceCompat reproduce the reference's quirks: character trimming of long samples and rfind spans
 * @param seed the seed of the teacher's requests when its agent sets none
 * @param budgetUsd the spending cap, or empty
 * @param concurrency samples in flight at once
 */
public record ReflectionSpec(
        String dataset, String teacher, ScorerRef student, PromptTemplate template, int maxLength, Variant variant,
        boolean keepQOnly, boolean keepOriginal, OptionalInt topK, boolean referenceCompat, long seed,
        OptionalDouble budgetUsd, int concurrency) {

    /** The recipe id under which these runs are stored. */
    public static final String RECIPE = "reflection";
    /** The reference's window. */
    public static final int DEFAULT_MAX_LENGTH = 2048;

    /** Which ratio the selection compares; both are stored. */
    public enum Variant {
        PPL, LOSS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Set<String> FIELDS = Set.of("dataset", "teacher", "student", "template", "maxLength",
            "variant", "keepQOnly", "keepOriginal", "topK", "referenceCompat", "seed", "budget", "concurrency");

    public ReflectionSpec {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(topK, "topK");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        require(!Objects.requireNonNull(dataset, "dataset").isBlank(), "dataset", "must name the dataset");
        require(!Objects.requireNonNull(teacher, "teacher").isBlank(), "teacher", "must name the teacher agent");
        require(student.isLocal() != !student.endpoint().isEmpty(), "student", "needs either 'model' or 'endpoint'");
        require(maxLength >= 2, "maxLength", "must be at least 2");
        require(topK.isEmpty() || topK.getAsInt() >= 1, "topK", "must be at least 1 (leave it out to keep all)");
        require(budgetUsd.isEmpty() || budgetUsd.getAsDouble() >= 0, "budget", "must not be negative");
        require(concurrency >= 1, "concurrency", "must be at least 1");
    }

    /** The student's IFD settings: the reflection defaults with this run's template, window and span mode. */
    public IfdOptions ifdOptions() {
        return IfdOptions.reflection().withTemplate(template).withMaxLength(maxLength)
                .withSpanMode(referenceCompat ? SpanMode.REFERENCE_COMPAT : SpanMode.CONCATENATE);
    }

    /** The configuration JSON: the same shape as the file it was read from. */
    public String toConfigJson() {
        ObjectNode root = SpecFields.object();
        root.put("dataset", dataset).put("teacher", teacher);
        SpecFields.writeScorer(root.putObject("student"), student);
        root.put("template", template.name().toLowerCase(Locale.ROOT)).put("maxLength", maxLength)
                .put("variant", variant.id()).put("keepQOnly", keepQOnly).put("keepOriginal", keepOriginal);
        topK.ifPresent(k -> root.put("topK", k));
        root.put("referenceCompat", referenceCompat).put("seed", seed);
        SpecFields.writeLimits(root, budgetUsd, concurrency);
        return root.toString();
    }

    /**
     * Reads a configuration; {@code source} names it in errors (the file, or "run N").
     *
     * @throws IllegalArgumentException naming the source and the field when it is not a valid configuration
     */
    public static ReflectionSpec fromJson(String json, String source) {
        return SpecFields.read(json, source, FIELDS, root -> {
            String dataset = SpecFields.nameOrId(root, "dataset", "must name the dataset");
            require(root.path("teacher").isTextual(), "teacher", "must name the teacher agent");
            OptionalInt topK = SpecFields.optionalInteger(root, "topK");
            OptionalDouble budget = SpecFields.budget(root);
            return new ReflectionSpec(dataset, root.path("teacher").asText(), SpecFields.scorer(root, "student"),
                    SpecFields.constant(PromptTemplate.class, root.path("template").asText("vicuna"), "template"),
                    SpecFields.integer(root, "maxLength", DEFAULT_MAX_LENGTH),
                    SpecFields.constant(Variant.class, root.path("variant").asText("ppl"), "variant"),
                    SpecFields.bool(root, "keepQOnly"), SpecFields.bool(root, "keepOriginal"), topK,
                    SpecFields.bool(root, "referenceCompat"), SpecFields.seed(root), budget,
                    SpecFields.concurrency(root));
        });
    }

    private static void require(boolean ok, String field, String problem) {
        SpecFields.require(ok, field, problem);
    }
}
