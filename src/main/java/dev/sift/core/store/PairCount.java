package dev.sift.core.store;

/** How many AgentInstruct pairs one (skill, instruction type) has. */
public record PairCount(String skill, String instructionType, int count) {}
