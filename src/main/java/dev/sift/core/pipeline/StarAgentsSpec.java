package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.scoring.IfdOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
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
        ObjectNode root = SpecFields.object();
        root.put("dataset", dataset);
        pairs.forEach(root.putArray("pairs")::add);
        responseOnly.forEach(root.putArray("responseOnly")::add);
        root.put("k", k).put("batchSize", batchSize).put("rounds", rounds).put("alpha", alpha).put("tauGap", tauGap)
                .put("ifdMax", ifdMax).put("beta", beta).put("pMin", pMin).put("seed", seed);
        SpecFields.writeScorer(root.putObject("smallScorer"), small);
        SpecFields.writeScorer(root.putObject("largeScorer"), large);
        SpecFields.writeIfd(root, ifd);
        judge.ifPresent(j -> root.put("judge", j));
        judgePrompts.ifPresent(j -> root.put("judgePrompts", j));
        SpecFields.writeLimits(root, budgetUsd, concurrency);
        return root.toString();
    }

    /**
     * Reads a configuration; {@code source} names it in errors (the file, or "run N").
     *
     * @throws IllegalArgumentException naming the source and the field when it is not a valid configuration
     */
    public static StarAgentsSpec fromJson(String json, String source) {
        return SpecFields.read(json, source, FIELDS, root -> new StarAgentsSpec(
                SpecFields.nameOrId(root, "dataset", "must name the seed dataset"), names(root, "pairs"),
                names(root, "responseOnly"), SpecFields.integer(root, "k", 3),
                SpecFields.integer(root, "batchSize", 8), SpecFields.integer(root, "rounds", 0),
                SpecFields.number(root, "alpha", 0.5), SpecFields.number(root, "tauGap", 0.3),
                SpecFields.number(root, "ifdMax", 1.0), SpecFields.number(root, "beta", 0.1),
                SpecFields.number(root, "pMin", 0.01), SpecFields.seed(root),
                SpecFields.scorer(root, "smallScorer"), SpecFields.scorer(root, "largeScorer"), SpecFields.ifd(root),
                SpecFields.text(root, "judge"), SpecFields.text(root, "judgePrompts"), SpecFields.budget(root),
                SpecFields.concurrency(root)));
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

    private static void require(boolean ok, String field, String problem) {
        SpecFields.require(ok, field, problem);
    }
}
