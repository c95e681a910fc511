package dev.sift.core.agentinstruct;

import java.util.List;
import java.util.Objects;

/**
 * The instruction-refinement flow of a skill (ALGORITHMS.md §2.1, flow 3): the goals the suggester works towards,
 * the suggester's prompt (it proposes ways to make an instruction harder or better) and the editor's (it rewrites
 * the instruction following one suggestion).
 */
public record Refinement(List<String> goals, SkillPrompt suggester, SkillPrompt editor) {

    public Refinement {
        goals = List.copyOf(goals);
        Objects.requireNonNull(suggester, "suggester");
        Objects.requireNonNull(editor, "editor");
    }

    /** The goals as a bulleted list, the value of the {@code {{goals}}} placeholder. */
    public String goalList() {
        StringBuilder out = new StringBuilder();
        for (String goal : goals) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("- ").append(goal);
        }
        return out.toString();
    }
}
