package dev.sift.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.scoring.DirectMode;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.scoring.SpanMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The configuration of a Star-Agents run (ALGORITHMS.md §1), read from the JSON file given to
 * {@code sift run star-agents --config} and kept as the run's configuration so a resume works to the same rules.
 * The rules marked RESOLUTION in §1.2 are ours; every one of them is a field here (see docs/star-agents.md).
 *
 * @param dataset the seed dataset, by name or id
 * @param pairs the allowed agent pairs, by name; sampled by their current probabilities
 * @param responseOnly those of {@code pairs} whose rewriter is the identity: the seed instruction is kept and only
 *     the response agent is asked
 * @param k distinct pairs sampled per seed instruction
 * @param batchSize seed instructions per round
 * @param rounds rounds T; 0 means as many as it takes to cover the dataset once
 * @param alpha weight of the large scorer's IFD against the judge's quality in the combined score
 * @param tauGap a candidate whose {@code dS - dL} exceeds this is dropped (too hard for the target)
 * @param ifdMax a candidate whose {@code dS} or {@code dL} is at least this is dropped (misaligned)
 * @param beta the step of the weight update
 * @param pMin the floor every probability is clipped to before renormalising
 * @param seed the seed every random draw is derived from
 * @param small the scorer near the target model
 * @param large the large scorer
 * @param ifd the IFD settings both scorers use (the window is capped at each scorer's own)
 * @param judge the judge agent's name; empty means no judge: q is left out and the score is {@code dL}
 * @param judgePrompts a file of judge prompts replacing the shipped ones, or empty
 * @param budgetUsd the spending cap, or empty
 * @param concurrency seeds in flight at once
 */
public record StarAgentsSpec(
        String dataset, List<String> pairs, List<String> responseOnly, int k, int batchSize, int rounds,
        double alpha, double tauGap, double ifdMax, double beta, double pMin, long seed,
        ScorerRef small, ScorerRef large, IfdOptions ifd, Optional<String> judge, Optional<String> judgePrompts,
        OptionalDouble budgetUsd, int concurrency) {

    /** The recipe id under which these runs are stored. */
    public static final String RECIPE = "star-agents";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("dataset", "pairs", "responseOnly", "k", "batchSize", "rounds",
            "alpha", "tauGap", "ifdMax", "beta", "pMin", "seed", "smallScorer", "largeScorer", "ifd", "judge",
            "judgePrompts", "budget", "concurrency");

    /**
     * A scorer: a local model folder, or an OpenAI-compatible endpoint (by name) and model.
     *
     * @param modelDir the folder of an in-process model, or empty
     * @param endpoint the endpoint's name, or empty
     * @param model the model id on the endpoint, or empty
     */
    public record ScorerRef(String modelDir, String endpoint, String model) {
        public ScorerRef {
            modelDir = Objects.requireNonNullElse(modelDir, "");
            endpoint = Objects.requireNonNullElse(endpoint, "");
            model = Objects.requireNonNullElse(model, "");
        }

        /** A scorer in process from a model folder. */
        public static ScorerRef local(String modelDir) {
            return new ScorerRef(modelDir, "", "");
        }

        public boolean isLocal() {
            return !modelDir.isEmpty();
        }
    }

    public StarAgentsSpec {
        pairs = List.copyOf(pairs);
        responseOnly = List.copyOf(responseOnly);
        Objects.requireNonNull(small, "small");
        Objects.requireNonNull(large, "large");
        Objects.requireNonNull(ifd, "ifd");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(judgePrompts, "judgePrompts");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        require(!Objects.requireNonNull(dataset, "dataset").isBlank(), "dataset", "must name the seed dataset");
        require(!pairs.isEmpty(), "pairs", "must name at least one agent pair");
        require(new HashSet<>(pairs).size() == pairs.size(), "pairs", "names a pair twice");
        require(pairs.containsAll(responseOnly), "responseOnly", "may only name pairs listed in 'pairs'");
        require(k >= 1 && k <= pairs.size(), "k", "must be between 1 and the number of pairs (" + pairs.size() + ")");
        require(batchSize >= 1, "batchSize", "must be at least 1");
        require(rounds >= 0, "rounds", "must not be negative (0 = cover the dataset)");
        require(alpha >= 0 && alpha <= 1, "alpha", "must be between 0 and 1");
        require(tauGap >= 0 && !Double.isNaN(tauGap), "tauGap", "must not be negative");
        require(ifdMax > 0 && !Double.isNaN(ifdMax), "ifdMax", "must be positive");
        require(beta >= 0 && !Double.isNaN(beta), "beta", "must not be negative");
        require(pMin >= 0 && pMin * pairs.size() < 1, "pMin", "must be at least 0 and below 1 / the number of pairs");
        require(small.isLocal() != !small.endpoint().isEmpty(), "smallScorer", "needs either 'model' or 'endpoint'");
        require(large.isLocal() != !large.endpoint().isEmpty(), "largeScorer", "needs either 'model' or 'endpoint'");
        require(concurrency >= 1, "concurrency", "must be at least 1");
    }

    /** The combined-score rules of this run, for the candidates' evaluation. */
    public StarAgentsRules rules() {
        return new StarAgentsRules(alpha, tauGap, ifdMax, judge.isPresent());
    }

    /** The configuration JSON: the same shape as the file it was read from. */
    public String toConfigJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", dataset);
        pairs.forEach(root.putArray("pairs")::add);
        responseOnly.forEach(root.putArray("responseOnly")::add);
        root.put("k", k).put("batchSize", batchSize).put("rounds", rounds).put("alpha", alpha).put("tauGap", tauGap)
                .put("ifdMax", ifdMax).put("beta", beta).put("pMin", pMin).put("seed", seed);
        writeScorer(root.putObject("smallScorer"), small);
        writeScorer(root.putObject("largeScorer"), large);
        ObjectNode o = root.putObject("ifd");
        o.put("template", ifd.template().name()).put("directMode", ifd.directMode().name())
                .put("spanMode", ifd.spanMode().name()).put("maxLength", ifd.maxLength());
        ifd.headerTokens().ifPresent(h -> o.put("headerTokens", h));
        judge.ifPresent(j -> root.put("judge", j));
        judgePrompts.ifPresent(j -> root.put("judgePrompts", j));
        budgetUsd.ifPresent(b -> root.put("budget", b));
        root.put("concurrency", concurrency);
        return root.toString();
    }

    /**
     * Reads a configuration; {@code source} names it in errors (the file, or "run N").
     *
     * @throws IllegalArgumentException naming the source and the field when it is not a valid configuration
     */
    public static StarAgentsSpec fromJson(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": must be a JSON object");
        }
        try {
            for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
                String name = names.next();
                require(FIELDS.contains(name), name, "is not a known field; known: " + new java.util.TreeSet<>(FIELDS));
            }
            require(root.path("dataset").isTextual() || root.path("dataset").isIntegralNumber(), "dataset",
                    "must name the seed dataset");
            JsonNode budget = root.path("budget");
            return new StarAgentsSpec(root.path("dataset").asText(), names(root, "pairs"), names(root, "responseOnly"),
                    integer(root, "k", 3), integer(root, "batchSize", 8), integer(root, "rounds", 0),
                    number(root, "alpha", 0.5), number(root, "tauGap", 0.3), number(root, "ifdMax", 1.0),
                    number(root, "beta", 0.1), number(root, "pMin", 0.01), root.path("seed").asLong(0),
                    scorer(root, "smallScorer"), scorer(root, "largeScorer"), ifd(root.path("ifd")),
                    text(root, "judge"), text(root, "judgePrompts"),
                    budget.isMissingNode() || budget.isNull() ? OptionalDouble.empty()
                            : OptionalDouble.of(number(root, "budget", 0)),
                    integer(root, "concurrency", 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    static void writeScorer(ObjectNode node, ScorerRef ref) {
        if (ref.isLocal()) {
            node.put("model", ref.modelDir());
        } else {
            node.put("endpoint", ref.endpoint()).put("model", ref.model());
        }
    }

    static ScorerRef scorer(JsonNode root, String field) {
        JsonNode node = root.path(field);
        require(node.isObject(), field, "must be an object: {\"model\": FOLDER} or {\"endpoint\": NAME, \"model\": ID}");
        String model = node.path("model").asText("");
        if (node.hasNonNull("endpoint")) {
            require(!model.isBlank(), field + ".model", "must name the endpoint's model");
            return new ScorerRef("", node.get("endpoint").asText(), model);
        }
        require(!model.isBlank(), field + ".model", "must name a local model folder (or give 'endpoint')");
        return ScorerRef.local(model);
    }

    static IfdOptions ifd(JsonNode node) {
        require(node.isMissingNode() || node.isObject(), "ifd", "must be an object");
        IfdOptions base = IfdOptions.superfiltering().withMaxLength(512);
        JsonNode header = node.path("headerTokens");
        return new IfdOptions(
                constant(PromptTemplate.class, node.path("template").asText(base.template().name()), "ifd.template"),
                constant(SpanMode.class, node.path("spanMode").asText(base.spanMode().name()), "ifd.spanMode"),
                constant(DirectMode.class, node.path("directMode").asText(base.directMode().name()), "ifd.directMode"),
                integer(node, "maxLength", base.maxLength()), header.isInt() ? OptionalInt.of(header.asInt())
                        : OptionalInt.empty());
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': unknown value '" + value + "'; choose one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static List<String> names(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return List.of();
        }
        require(node.isArray(), field, "must be an array of pair names");
        List<String> out = new ArrayList<>();
        for (JsonNode n : (ArrayNode) node) {
            require(n.isTextual() && !n.asText().isBlank(), field, "must hold pair names");
            out.add(n.asText());
        }
        return out;
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            return Optional.empty();
        }
        require(node.isTextual(), field, "must be a string");
        return Optional.of(node.asText());
    }

    private static int integer(JsonNode root, String field, int fallback) {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return fallback;
        }
        require(node.isInt(), field, "must be a whole number");
        return node.asInt();
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return fallback;
        }
        require(node.isNumber(), field, "must be a number");
        return node.asDouble();
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("field '" + field + "' " + problem);
        }
    }
}
