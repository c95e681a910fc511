package dev.sift.core.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an AgentInstruct instruction pair came from.
 *
 * @param contentId the transformed content the instruction was written from ({@link InstructContent})
 * @param instructionType the skill's taxonomy entry the instruction was generated for
 * @param refinementRound rounds of refinement the kept instruction went through; 0 for an unrefined one
 * @param agents the agent name of each role ({@link #TRANSFORMER}, {@link #GENERATOR}, ...), in role order
 * @param steps the refinement rounds, oldest first
 */
public record PairProvenance(
        long contentId,
        String skill,
        String instructionType,
        int refinementRound,
        Map<String, String> agents,
        List<RefinementStep> steps) {

    public static final String TRANSFORMER = "transformer";
    public static final String GENERATOR = "generator";
    public static final String SUGGESTER = "suggester";
    public static final String EDITOR = "editor";
    public static final String RESPONDER = "responder";

    public PairProvenance {
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(instructionType, "instructionType");
        if (refinementRound < 0) {
            throw new IllegalArgumentException("refinementRound must be 0 or more, not " + refinementRound);
        }
        agents = agents == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(agents));
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
