package dev.sift.core.reflection;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Agent;
import dev.sift.core.model.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The teacher of Selective Reflection-Tuning (ALGORITHMS.md §4.3): asks an agent for the instruction or the response
 * reflection of a pair and parses it, asking once more when nothing usable came back and falling back to the
 * original fields after that. The prompts are {@link ReflectionPrompts}'; the model and decoding are the agent's (the
 * reference decodes at temperature 0). The first request carries the agent's seed, else the run's; the retry carries
 * that seed plus one, so it is a new request for the call cache (an identical one would be answered from it).
 * Thread-safe when the client is; blocking.
 */
public final class ReflectionTeacher {

    private final Agent agent;
    private final LlmClient client;
    private final long seed;

    public ReflectionTeacher(Agent agent, LlmClient client, long seed) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.client = Objects.requireNonNull(client, "client");
        this.seed = seed;
    }

    /**
     * A reflection: the new (or original) fields, and how it went.
     *
     * @param attempts teacher calls made (1, or 2 after a failed parse)
     * @param fellBack fields taken from the original: "instruction", "answer", both or none
     */
    public record Reflected(String instruction, String input, String response, int attempts, List<String> fellBack) {
        public Reflected {
            fellBack = List.copyOf(fellBack);
        }
    }

    /**
     * The instruction reflection of a pair: a new instruction (input '') and its answer. A field that could not be
     * parsed keeps the original's; when the instruction is the original's, so is the input.
     */
    public Reflected reflectInstruction(String instruction, String input, String response) throws LlmException {
        List<Message> messages = ReflectionPrompts.instruction(instruction, input, response);
        ReflectionParser.InstructionReflection parsed = ReflectionParser.instructionReflection(ask(messages, 0));
        int attempts = 1;
        if (parsed.failed()) {
            parsed = ReflectionParser.instructionReflection(ask(messages, 1));
            attempts = 2;
        }
        List<String> fellBack = new java.util.ArrayList<>();
        if (parsed.instruction().isEmpty()) {
            fellBack.add("instruction");
        }
        if (parsed.answer().isEmpty()) {
            fellBack.add("answer");
        }
        return new Reflected(parsed.instruction().orElse(instruction), parsed.instruction().isPresent() ? "" : input,
                parsed.answer().orElse(response), attempts, fellBack);
    }

    /** The response reflection of a pair: the same instruction and input with a better answer, else the original. */
    public Reflected reflectResponse(String instruction, String input, String response) throws LlmException {
        List<Message> messages = ReflectionPrompts.response(instruction, input, response);
        Optional<String> better = ReflectionParser.betterAnswer(ask(messages, 0));
        int attempts = 1;
        if (better.isEmpty()) {
            better = ReflectionParser.betterAnswer(ask(messages, 1));
            attempts = 2;
        }
        return new Reflected(instruction, input, better.orElse(response), attempts,
                better.isPresent() ? List.of() : List.of("answer"));
    }

    private String ask(List<Message> messages, int attempt) throws LlmException {
        ChatParameters p = ChatParametersJson.fromJson(agent.parametersJson());
        long base = p.seed().isPresent() ? p.seed().getAsLong() : seed;
        return client.chat(new ChatRequest(agent.model(), messages, p.withSeed(base + attempt))).text();
    }
}
