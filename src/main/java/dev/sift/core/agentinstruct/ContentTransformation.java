package dev.sift.core.agentinstruct;

import dev.sift.core.llm.LlmException;
import java.util.Map;

/**
 * Flow 1 (ALGORITHMS.md §2.1): a transformation agent turns a raw seed chunk into the intermediate content the
 * skill's instructions are written about. The identity transformation passes the seed through without a call.
 * Placeholders: {@code {{seed}}}, {@code {{source}}}, {@code {{kind}}}, {@code {{language}}}, {@code {{skill}}}.
 */
public final class ContentTransformation {

    private final SkillAgent transformer;

    public ContentTransformation(SkillAgent transformer) {
        this.transformer = transformer;
    }

    /** The values of the transformation prompt's placeholders. */
    public static Map<String, String> values(Skill skill, SeedText seed) {
        return Map.of("seed", seed.text(), "source", seed.source(), "kind", seed.kind(), "language",
                seed.language(), "skill", skill.name());
    }

    /** The transformed content. */
    public String transform(Skill skill, Transformation transformation, SeedText seed, long unitSeed)
            throws LlmException {
        if (transformation.isIdentity()) {
            return seed.text();
        }
        SkillPrompt prompt = transformation.prompt().orElseThrow();
        Map<String, String> values = values(skill, seed);
        String answer = transformer.ask(prompt.renderSystem(values), prompt.renderPrompt(values), unitSeed);
        return AgentOutput.content(answer, "the transformer '" + transformation.name() + "' of skill '"
                + skill.name() + "'");
    }
}
