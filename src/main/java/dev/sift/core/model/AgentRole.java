package dev.sift.core.model;

/** What an agent does in a recipe. */
public enum AgentRole {
    INSTRUCTION_REWRITER,
    RESPONDER,
    TEACHER,
    JUDGE,
    SCORER,
    SUGGESTER,
    EDITOR,
    TRANSFORMER,
    /** Writes the seed instructions of AgentInstruct from a transformed content. */
    GENERATOR
}
