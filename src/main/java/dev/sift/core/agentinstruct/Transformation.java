package dev.sift.core.agentinstruct;

import java.util.Objects;
import java.util.Optional;

/**
 * A content-transformation agent of a skill (ALGORITHMS.md §2.1, flow 1): it turns a raw seed into an
 * intermediate text that makes the skill's instructions easy to write, e.g. a debate or an API list.
 *
 * @param prompt the transformer's prompt; empty for the identity, which passes the seed through unchanged
 */
public record Transformation(String name, String description, Optional<SkillPrompt> prompt) {

    /** The name of the transformation every skill may list to keep the seed as it is. */
    public static final String IDENTITY = "identity";

    public Transformation {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** Whether the seed passes through unchanged, with no agent asked. */
    public boolean isIdentity() {
        return prompt.isEmpty();
    }
}
