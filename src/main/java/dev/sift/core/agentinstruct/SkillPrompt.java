package dev.sift.core.agentinstruct;

import java.util.Map;
import java.util.Objects;

/**
 * One prompt of a skill: an optional system prompt and the user message, both templates whose
 * {@code {{placeholders}}} are filled in when the agent is asked (see {@link Placeholders}).
 */
public record SkillPrompt(String system, String prompt) {

    public SkillPrompt {
        system = Objects.requireNonNullElse(system, "");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** The system prompt with its placeholders filled in. */
    public String renderSystem(Map<String, String> values) {
        return Placeholders.render(system, values);
    }

    /** The user message with its placeholders filled in. */
    public String renderPrompt(Map<String, String> values) {
        return Placeholders.render(prompt, values);
    }
}
