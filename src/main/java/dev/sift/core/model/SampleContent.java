package dev.sift.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The content of one instruction record, independent of where it is stored.
 *
 * <p>Every record has a first exchange ({@code instruction}, optional {@code input}, {@code output}).
 * Multi-turn records, and records with tool turns, also keep the whole conversation in
 * {@code messages} (without the system prompt, which is in {@code system}); single-turn records
 * leave {@code messages} empty. Absent optional text is the empty string, never null.
 */
public record SampleContent(
        String system, String instruction, String input, String output, List<Message> messages, String category) {

    public SampleContent {
        system = Objects.requireNonNullElse(system, "");
        instruction = Objects.requireNonNull(instruction, "instruction");
        input = Objects.requireNonNullElse(input, "");
        output = Objects.requireNonNullElse(output, "");
        messages = messages == null ? List.of() : List.copyOf(messages);
        category = Objects.requireNonNullElse(category, "");
    }

    public static SampleContent single(String instruction, String input, String output) {
        return new SampleContent("", instruction, input, output, List.of(), "");
    }

    public boolean isMultiTurn() {
        return !messages.isEmpty();
    }

    /** The conversation as turns, system prompt first when present. */
    public List<Message> conversation() {
        var turns = new java.util.ArrayList<Message>();
        if (!system.isEmpty()) {
            turns.add(new Message(Message.SYSTEM, system));
        }
        if (isMultiTurn()) {
            turns.addAll(messages);
        } else {
            turns.add(new Message(Message.USER, input.isEmpty() ? instruction : instruction + "\n\n" + input));
            if (!output.isEmpty()) {
                turns.add(new Message(Message.ASSISTANT, output));
            }
        }
        return List.copyOf(turns);
    }

    /** Characters of all text the record holds, used for length statistics. */
    public int characterCount() {
        if (isMultiTurn()) {
            int n = system.length();
            for (Message m : messages) {
                n += m.content().length();
            }
            return n;
        }
        return system.length() + instruction.length() + input.length() + output.length();
    }
}
