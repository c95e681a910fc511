package dev.sift.core.reflection;

import dev.sift.core.model.Message;
import java.util.List;

/**
 * The teacher's two reflection prompts (ALGORITHMS.md §4.3), in our own words with the reference's structure and
 * output tags: a system message, then one user message laid out as
 *
 * <pre>
 * [Instruction]
 * {instruction}
 *
 * [The Start of Input]        (response reflection of a sample with input only)
 * {input}
 *
 * [The End of Input]
 *
 * [The Start of Answer]
 * {answer}
 *
 * [The End of Answer]
 *
 * [System]
 * {criteria}
 * </pre>
 *
 * The instruction reflection asks for {@code [New Instruction] … [End]} and {@code [New Answer] … [End]}; the response
 * reflection for {@code [Better Answer] … [End]}. An instruction reflection has no input block: the new instruction
 * must stand on its own, so a sample's input is given as part of its instruction (on the next line).
 */
public final class ReflectionPrompts {

    public static final String INSTRUCTION_SYSTEM = "You are a helpful, precise but picky assistant for checking the "
            + "quality of a given instruction and improving it.";
    public static final String RESPONSE_SYSTEM = "You are a helpful, precise but picky assistant for checking the "
            + "quality of the answer to a given instruction and improving it.";

    public static final String INSTRUCTION_CRITERIA = "We would like you to answer several questions about the quality "
            + "of the given instruction and of its answer.\n"
            + "1. Why is this instruction weak? First judge the instruction on these aspects: Complexity of the Topic, "
            + "Level of Detail Required, Knowledge Required, Ambiguity of the Instruction, and Logical Reasoning or "
            + "Problem-Solving Involved. Then judge why the answer is weak for the instruction on these aspects: "
            + "Helpfulness, Relevance, Accuracy and Level of Details. Finally explain how the weak instruction led to "
            + "the weak answer.\n"
            + "2. From the reasons you gave, write a new and complete instruction that is complex and hard to answer "
            + "directly. It must be related to the given instruction, but it must be answerable without it. Give it "
            + "in the format [New Instruction] your instruction [End]\n"
            + "3. Answer the new instruction in as much detail as you can, in the format [New Answer] your answer [End]";
    public static final String RESPONSE_CRITERIA = "We would like you to answer several questions about the quality "
            + "of the answer to the given instruction.\n"
            + "1. Why is this answer weak for the given instruction? Judge it on these aspects: Helpfulness, "
            + "Relevance, Accuracy and Level of Details.\n"
            + "2. From the reasons you gave, write a better, new and complete answer, in as much detail as you can, "
            + "in the format [Better Answer] your answer [End]";

    private ReflectionPrompts() {}

    /** The instruction reflection of (instruction, input, answer): system and user message. */
    public static List<Message> instruction(String instruction, String input, String answer) {
        String question = input.isEmpty() ? instruction : instruction + "\n" + input;
        return List.of(new Message(Message.SYSTEM, INSTRUCTION_SYSTEM),
                new Message(Message.USER, "[Instruction]\n" + question + "\n\n" + answerBlock(answer)
                        + "[System]\n" + INSTRUCTION_CRITERIA + "\n\n"));
    }

    /** The response reflection of (instruction, input, answer): system and user message. */
    public static List<Message> response(String instruction, String input, String answer) {
        String inputBlock = input.isEmpty() ? "" : "[The Start of Input]\n" + input + "\n\n[The End of Input]\n\n";
        return List.of(new Message(Message.SYSTEM, RESPONSE_SYSTEM),
                new Message(Message.USER, "[Instruction]\n" + instruction + "\n\n" + inputBlock + answerBlock(answer)
                        + "[System]\n" + RESPONSE_CRITERIA + "\n\n"));
    }

    private static String answerBlock(String answer) {
        return "[The Start of Answer]\n" + answer + "\n\n[The End of Answer]\n\n";
    }
}
