package dev.sift.core.agentinstruct;

import dev.sift.core.llm.LlmException;
import java.util.Map;

/**
 * The last step: the responder answers the final instruction as the skill's response prompt frames it (for reading
 * comprehension the passage and the question, for tool use the tool list as the system prompt). Placeholders:
 * {@code {{content}}}, {@code {{instruction}}}, {@code {{type}}}, {@code {{skill}}}. The rendered system prompt and
 * message become the stored pair's system prompt and instruction, so the pair is exactly what was answered.
 */
public final class ResponseGeneration {

    private final SkillAgent responder;

    public ResponseGeneration(SkillAgent responder) {
        this.responder = responder;
    }

    public static Map<String, String> values(Skill skill, String content, String type, String instruction) {
        return Map.of("content", content, "instruction", instruction, "type", type, "skill", skill.name());
    }

    public Answer respond(Skill skill, String content, String type, String instruction, long unitSeed)
            throws LlmException {
        Map<String, String> values = values(skill, content, type, instruction);
        SkillPrompt p = skill.response();
        String system = p.renderSystem(values);
        String prompt = p.renderPrompt(values);
        String text = responder.ask(system, prompt, unitSeed).strip();
        if (text.isEmpty()) {
            throw new AgentOutputException("the responder of skill '" + skill.name() + "' answered with an empty text");
        }
        return new Answer(system.isBlank() ? responder.agent().systemPrompt() : system, prompt, text);
    }
}
