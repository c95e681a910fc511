package dev.sift.core.model;

/** An instruction agent and a response agent: the unit Star-Agents samples and weights. */
public record AgentPair(long id, String name, long instructionAgentId, long responseAgentId) {}
