package dev.sift.core.store;

/** How many AgentInstruct pairs went through {@code rounds} rounds of refinement. */
public record RefinementDepth(int rounds, int count) {}
