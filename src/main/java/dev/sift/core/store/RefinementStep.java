package dev.sift.core.store;

import java.util.List;
import java.util.Objects;

/**
 * One step of an AgentInstruct pair's instruction chain: round 0 is the seed instruction as the generator wrote it
 * (no suggestions); each later round holds what the Suggester proposed and the instruction the Editor wrote from it.
 *
 * @param round 0 for the seed instruction, then the one-based refinement round
 */
public record RefinementStep(int round, List<String> suggestions, String instruction) {
    public RefinementStep {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        instruction = Objects.requireNonNullElse(instruction, "");
    }
}
