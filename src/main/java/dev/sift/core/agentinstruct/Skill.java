package dev.sift.core.agentinstruct;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A skill of AgentInstruct (ALGORITHMS.md §2), read from a declarative JSON file: which seed documents it takes,
 * its transformation agents, the prompt of its instruction generator and the taxonomy of instruction types it draws
 * from, its refinement goals and prompts, and the prompt the responder answers. See docs/agentinstruct.md for the
 * format; {@link SkillReader} reads and checks it.
 *
 * @param seedKinds the kinds of seed chunk it works on: {@code text}, {@code markdown} and/or {@code code}
 * @param source where it was read from (a resource or a file), for messages
 * @param definition the JSON text it was read from, kept with a run so a resume uses the same skill
 */
public record Skill(String name, String description, Set<String> seedKinds, List<Transformation> transformations,
        SkillPrompt generator, List<InstructionType> taxonomy, Refinement refinement, SkillPrompt response,
        String source, String definition) {

    /** The seed kinds a skill may name. */
    public static final Set<String> SEED_KINDS = Set.of("text", "markdown", "code");

    public Skill {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        seedKinds = Set.copyOf(seedKinds);
        transformations = List.copyOf(transformations);
        Objects.requireNonNull(generator, "generator");
        taxonomy = List.copyOf(taxonomy);
        Objects.requireNonNull(refinement, "refinement");
        Objects.requireNonNull(response, "response");
        source = Objects.requireNonNullElse(source, "");
        definition = Objects.requireNonNullElse(definition, "");
    }

    /** Whether the skill takes seed chunks of this kind. */
    public boolean accepts(String kind) {
        return seedKinds.contains(kind);
    }

    public Optional<Transformation> transformation(String transformationName) {
        return transformations.stream().filter(t -> t.name().equals(transformationName)).findFirst();
    }

    public Optional<InstructionType> type(String typeName) {
        return taxonomy.stream().filter(t -> t.type().equals(typeName)).findFirst();
    }
}
