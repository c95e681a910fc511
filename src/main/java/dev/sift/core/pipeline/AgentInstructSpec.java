package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.agentinstruct.Emit;
import dev.sift.core.scoring.IfdOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The configuration of an AgentInstruct run (ALGORITHMS.md §2), read from the JSON file given to
 * {@code sift run agentinstruct --config} and kept as the run's configuration, with the text of every skill file it
 * uses, so a resume works to the same rules and prompts. Fields and defaults are in docs/agentinstruct.md.
 *
 * @param seeds the seed collection, by name or id
 * @param skills the skills by name with their mix weights (a chunk's skills are drawn by weight among those that
 *     take its kind)
 * @param skillDefinitions the JSON text of each skill, filled in when the run is created; empty in a config file
 * @param agents the agent name of each role: transformer, generator, suggester, editor, responder
 * @param skillsPerChunk skills drawn per seed chunk
 * @param transformationsPerChunk transformations drawn per (chunk, skill); the identity counts as one
 * @param instructionsPerContent instructions (each of a type drawn from the taxonomy) per transformed content
 * @param rounds refinement rounds per instruction; 0 for none
 * @param suggestions suggestions the suggester makes per round (the editor writes one variant per suggestion)
 * @param emit which instructions of a refinement chain become pairs
 * @param maxPairs the run stops after adding this many pairs; 0 for no limit
 * @param dataset the name of the dataset the pairs go to, created with the run
 * @param seed the seed every draw and every request seed is derived from
 * @param judge the judge agent's name, or empty for no judging
 * @param judgePrompts a file of judge prompts replacing the shipped ones, or empty
 * @param ifdScorer the scorer that computes each pair's IFD, or empty for none
 * @param ifd the IFD settings
 * @param budgetUsd the spending cap, or empty
 * @param concurrency contents worked on at once
 */
public record AgentInstructSpec(
        String seeds, Map<String, Double> skills, Map<String, String> skillDefinitions, Map<String, String> agents,
        int skillsPerChunk, int transformationsPerChunk, int instructionsPerContent, int rounds, int suggestions,
        Emit emit, int maxPairs, String dataset, long seed, Optional<String> judge, Optional<String> judgePrompts,
        Optional<StarAgentsSpec.ScorerRef> ifdScorer, IfdOptions ifd, OptionalDouble budgetUsd, int concurrency) {

    /** The recipe id under which these runs are stored; also the {@code sift run} subcommand. */
    public static final String RECIPE = "agentinstruct";

    /** The roles, in the order they act. */
    public static final List<String> ROLES = List.of("transformer", "generator", "suggester", "editor", "responder");

    private static final Set<String> FIELDS = Set.of("seeds", "skills", "skillDefinitions", "agents",
            "skillsPerChunk", "transformationsPerChunk", "instructionsPerContent", "rounds", "suggestions", "emit",
            "maxPairs", "dataset", "seed", "judge", "judgePrompts", "ifdScorer", "ifd", "budget", "concurrency");

    public AgentInstructSpec {
        skills = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skills));
        skillDefinitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skillDefinitions));
        agents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        Objects.requireNonNull(emit, "emit");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(judgePrompts, "judgePrompts");
        Objects.requireNonNull(ifdScorer, "ifdScorer");
        Objects.requireNonNull(ifd, "ifd");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        require(!Objects.requireNonNull(seeds, "seeds").isBlank(), "seeds", "must name the seed collection");
        require(!skills.isEmpty(), "skills", "must name at least one skill");
        skills.forEach((name, w) -> require(w >= 0 && !w.isNaN() && !w.isInfinite(), "skills." + name,
                "must be a weight of 0 or more"));
        require(skills.values().stream().anyMatch(w -> w > 0), "skills", "needs at least one positive weight");
        for (String role : ROLES) {
            boolean needed = rounds > 0 || !(role.equals("suggester") || role.equals("editor"));
            require(!needed || !agents.getOrDefault(role, "").isBlank(), "agents." + role,
                    "must name the agent of this role");
        }
        agents.keySet().forEach(role -> require(ROLES.contains(role), "agents." + role, "is not a role; roles: "
                + ROLES));
        require(skillsPerChunk >= 1, "skillsPerChunk", "must be at least 1");
        require(transformationsPerChunk >= 1, "transformationsPerChunk", "must be at least 1");
        require(instructionsPerContent >= 1, "instructionsPerContent", "must be at least 1");
        require(rounds >= 0, "rounds", "must not be negative");
        require(suggestions >= 1, "suggestions", "must be at least 1");
        require(maxPairs >= 0, "maxPairs", "must not be negative (0 = no limit)");
        require(!Objects.requireNonNull(dataset, "dataset").isBlank(), "dataset", "must name the output dataset");
        require(concurrency >= 1, "concurrency", "must be at least 1");
    }

    /** The same configuration with the text of its skills. */
    public AgentInstructSpec withSkillDefinitions(Map<String, String> definitions) {
        return new AgentInstructSpec(seeds, skills, definitions, agents, skillsPerChunk, transformationsPerChunk,
                instructionsPerContent, rounds, suggestions, emit, maxPairs, dataset, seed, judge, judgePrompts,
                ifdScorer, ifd, budgetUsd, concurrency);
    }

    /** The configuration JSON: the same shape as the file it was read from. */
    public String toConfigJson() {
        ObjectNode root = SpecFields.object();
        root.put("seeds", seeds);
        ObjectNode s = root.putObject("skills");
        skills.forEach(s::put);
        ObjectNode a = root.putObject("agents");
        agents.forEach(a::put);
        root.put("skillsPerChunk", skillsPerChunk).put("transformationsPerChunk", transformationsPerChunk)
                .put("instructionsPerContent", instructionsPerContent).put("rounds", rounds)
                .put("suggestions", suggestions).put("emit", emit.name().toLowerCase(Locale.ROOT))
                .put("maxPairs", maxPairs).put("dataset", dataset).put("seed", seed);
        judge.ifPresent(j -> root.put("judge", j));
        judgePrompts.ifPresent(j -> root.put("judgePrompts", j));
        ifdScorer.ifPresent(ref -> SpecFields.writeScorer(root.putObject("ifdScorer"), ref));
        SpecFields.writeIfd(root, ifd);
        SpecFields.writeLimits(root, budgetUsd, concurrency);
        if (!skillDefinitions.isEmpty()) {
            ObjectNode d = root.putObject("skillDefinitions");
            skillDefinitions.forEach(d::put);
        }
        return root.toString();
    }

    /**
     * Reads a configuration; {@code source} names it in errors (the file, or "run N").
     *
     * @throws IllegalArgumentException naming the source and the field when it is not a valid configuration
     */
    public static AgentInstructSpec fromJson(String json, String source) {
        return SpecFields.read(json, source, FIELDS, root -> {
            String seeds = SpecFields.nameOrId(root, "seeds", "must name the seed collection");
            JsonNode ifdScorer = root.path("ifdScorer");
            return new AgentInstructSpec(seeds, skills(root.path("skills")), texts(root, "skillDefinitions"),
                    texts(root, "agents"), SpecFields.integer(root, "skillsPerChunk", 1),
                    SpecFields.integer(root, "transformationsPerChunk", 2),
                    SpecFields.integer(root, "instructionsPerContent", 2), SpecFields.integer(root, "rounds", 1),
                    SpecFields.integer(root, "suggestions", 2), emit(root.path("emit")),
                    SpecFields.integer(root, "maxPairs", 0), root.path("dataset").asText(seeds + "-agentinstruct"),
                    SpecFields.seed(root), SpecFields.text(root, "judge"), SpecFields.text(root, "judgePrompts"),
                    ifdScorer.isMissingNode() || ifdScorer.isNull() ? Optional.empty()
                            : Optional.of(SpecFields.scorer(root, "ifdScorer")),
                    SpecFields.ifd(root), SpecFields.budget(root), SpecFields.concurrency(root));
        });
    }

    /** {@code ["a", "b"]} (weight 1 each) or {@code {"a": 2, "b": 1}}. */
    private static Map<String, Double> skills(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                require(node.get(i).isTextual(), "skills[" + i + "]", "must be a skill name");
                out.put(node.get(i).asText(), 1.0);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                require(e.getValue().isNumber(), "skills." + e.getKey(), "must be a number (the mix weight)");
                out.put(e.getKey(), e.getValue().asDouble());
            });
        } else {
            require(false, "skills", "must be an array of skill names or an object of names and mix weights");
        }
        return out;
    }

    private static Map<String, String> texts(JsonNode root, String field) {
        JsonNode node = root.path(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return out;
        }
        require(node.isObject(), field, "must be an object");
        node.fields().forEachRemaining(e -> {
            require(e.getValue().isTextual(), field + "." + e.getKey(), "must be a string");
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static Emit emit(JsonNode node) {
        String value = node.asText("final");
        try {
            return Emit.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'emit' must be 'final' or 'all', not '" + value + "'");
        }
    }

    private static void require(boolean ok, String field, String problem) {
        SpecFields.require(ok, field, problem);
    }
}
