package dev.sift.core.agentinstruct;

import dev.sift.core.llm.LlmException;
import java.util.Map;

/**
 * Flow 2 (ALGORITHMS.md §2.1): the generator writes one instruction of a given type about a content. Which types
 * are asked for is the {@link TaxonomySampler}'s choice. Placeholders: {@code {{content}}}, {@code {{type}}},
 * {@code {{type_description}}}, {@code {{type_example}}} ("(no example given)" for a type without one),
 * {@code {{skill}}}, {@code {{transformation}}}. The answer
 * must hold the instruction between {@code <instruction>} tags.
 */
public final class InstructionGeneration {

    /** The value of {@code {{type_example}}} for a type without an example. */
    public static final String NO_EXAMPLE = "(no example given)";

    private final SkillAgent generator;

    public InstructionGeneration(SkillAgent generator) {
        this.generator = generator;
    }

    /** The values of the generator prompt's placeholders. */
    public static Map<String, String> values(Skill skill, String transformation, String content,
            InstructionType type) {
        return Map.of("content", content, "type", type.type(), "type_description", type.description(),
                "type_example", type.example().isEmpty() ? NO_EXAMPLE : type.example(), "skill", skill.name(),
                "transformation", transformation);
    }

    /** The seed instruction. */
    public String generate(Skill skill, String transformation, String content, InstructionType type, long unitSeed)
            throws LlmException {
        Map<String, String> values = values(skill, transformation, content, type);
        SkillPrompt p = skill.generator();
        String answer = generator.ask(p.renderSystem(values), p.renderPrompt(values), unitSeed);
        return AgentOutput.instruction(answer, "the generator of skill '" + skill.name() + "'");
    }
}
