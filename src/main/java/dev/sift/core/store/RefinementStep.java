package dev.sift.core.store;

import java.util.List;
import java.util.Objects;

/**
 * One round of AgentInstruct's instruction refinement: what the Suggester proposed and the instruction the Editor
 * wrote from it.
 *
 * @param round one-based refinement round
 */
public record RefinementStep(int round, List<String> suggestions, String instruction) {
    public RefinementStep {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        instruction = Objects.requireNonNullElse(instruction, "");
    }
}
