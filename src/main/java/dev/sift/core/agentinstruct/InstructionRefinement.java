package dev.sift.core.agentinstruct;

import dev.sift.core.llm.LlmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Flow 3 (ALGORITHMS.md §2.1): Suggester–Editor rounds. Our resolution of §2.4: in each round the suggester is asked
 * once for {@code suggestions} proposals on the current instruction (each between {@code <suggestion>} tags), the
 * editor applies each proposal on its own to the current instruction (one call per proposal, the new instruction
 * between {@code <instruction>} tags), and the chain goes on from one of these variants chosen by a random stream
 * seeded from the work unit and the round. Zero rounds leave the seed instruction as it is.
 *
 * <p>Suggester placeholders: {@code {{content}}}, {@code {{instruction}}}, {@code {{goals}}}, {@code {{count}}},
 * {@code {{type}}}, {@code {{skill}}}; editor: the same without {@code {{count}}}, with {@code {{suggestion}}}.
 */
public final class InstructionRefinement {

    private final SkillAgent suggester;
    private final SkillAgent editor;
    private final int rounds;
    private final int suggestions;

    public InstructionRefinement(SkillAgent suggester, SkillAgent editor, int rounds, int suggestions) {
        if (rounds < 0 || suggestions < 1) {
            throw new IllegalArgumentException("rounds must be at least 0 and suggestions at least 1");
        }
        this.suggester = suggester;
        this.editor = editor;
        this.rounds = rounds;
        this.suggestions = suggestions;
    }

    /** The values of the suggester's placeholders ({@code suggestion} is added for the editor). */
    public static Map<String, String> values(Skill skill, String content, String type, String instruction,
            int count) {
        Map<String, String> values = new HashMap<>();
        values.put("content", content);
        values.put("instruction", instruction);
        values.put("goals", skill.refinement().goalList());
        values.put("count", Integer.toString(count));
        values.put("type", type);
        values.put("skill", skill.name());
        return values;
    }

    /** Refines a seed instruction over the configured rounds. */
    public RefinedInstruction refine(Skill skill, String content, String type, String seedInstruction, long unitSeed)
            throws LlmException {
        List<ChainStep> chain = new ArrayList<>();
        List<List<String>> variants = new ArrayList<>();
        chain.add(new ChainStep(0, List.of(), seedInstruction));
        String current = seedInstruction;
        String who = " of skill '" + skill.name() + "'";
        for (int round = 1; round <= rounds; round++) {
            long roundSeed = UnitSeeds.of(unitSeed, "round", round);
            Map<String, String> values = values(skill, content, type, current, suggestions);
            SkillPrompt s = skill.refinement().suggester();
            List<String> proposed = AgentOutput.suggestions(suggester.ask(s.renderSystem(values),
                    s.renderPrompt(values), roundSeed), suggestions, "the suggester" + who);
            List<String> edited = new ArrayList<>();
            SkillPrompt e = skill.refinement().editor();
            for (int i = 0; i < proposed.size(); i++) {
                values.put("suggestion", proposed.get(i));
                edited.add(AgentOutput.instruction(editor.ask(e.renderSystem(values), e.renderPrompt(values),
                        UnitSeeds.of(roundSeed, "edit", i)), "the editor" + who));
            }
            current = edited.get(new SplittableRandom(roundSeed).nextInt(edited.size()));
            chain.add(new ChainStep(round, proposed, current));
            variants.add(edited);
        }
        return new RefinedInstruction(chain, variants);
    }
}
