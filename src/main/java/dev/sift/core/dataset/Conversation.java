package dev.sift.core.dataset;

import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the turns of one chat record and maps them to {@link SampleContent}: leading system
 * turns become the system prompt; the first user turn is the instruction and the assistant turn
 * right after it the output. The whole conversation is kept in {@code messages} unless it is just
 * one user turn, optionally answered, with no tool turns (so nothing is lost either way).
 * One instance is reused for every record of an import.
 */
final class Conversation {

    /** The roles accepted in ShareGPT {@code from} and messages {@code role}, for error messages. */
    static final String KNOWN_ROLES = "human, user, gpt, assistant, model, chatgpt, bard, bing, system, "
            + "developer, function_call, observation, tool, function, ipython";

    private final List<Message> turns = new ArrayList<>();
    private final StringBuilder system = new StringBuilder();
    private boolean toolTurn;
    private int firstUser = -1;

    void reset() {
        turns.clear();
        system.setLength(0);
        toolTurn = false;
        firstUser = -1;
    }

    /** Adds to the system prompt (several are joined by a blank line). */
    void addSystem(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!system.isEmpty()) {
            system.append("\n\n");
        }
        system.append(text);
    }

    /**
     * Adds a turn in conversation order.
     *
     * @param role one of the {@link Message} role constants
     * @param tool whether this turn is a tool call or a tool result
     */
    void add(String role, String content, boolean tool) {
        if (role.equals(Message.SYSTEM) && turns.isEmpty()) {
            addSystem(content);
            return;
        }
        if (role.equals(Message.USER) && firstUser < 0) {
            firstUser = turns.size();
        }
        toolTurn |= tool || role.equals(Message.TOOL);
        turns.add(new Message(role, content));
    }

    boolean hasUserTurn() {
        return firstUser >= 0;
    }

    /** The record; call only when {@link #hasUserTurn()}. */
    SampleContent toContent(String category) {
        return toContent(category, "", "");
    }

    /**
     * The record with a record-level system prompt (placed before any system turns) and tool
     * definitions (appended to the system prompt after a "Tools:" line); either may be empty.
     */
    SampleContent toContent(String category, String recordSystem, String tools) {
        String systemText = join(join(recordSystem, system.toString()), tools.isEmpty() ? "" : "Tools:\n" + tools);
        String instruction = turns.get(firstUser).content();
        Message next = firstUser + 1 < turns.size() ? turns.get(firstUser + 1) : null;
        String output = next != null && next.role().equals(Message.ASSISTANT) ? next.content() : "";
        boolean simple = !toolTurn && firstUser == 0 && turns.size() <= 2;
        for (int i = firstUser + 1; simple && i < turns.size(); i++) {
            simple = turns.get(i).role().equals(Message.ASSISTANT);
        }
        return new SampleContent(systemText, instruction, "", output, simple ? List.of() : turns, category);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n\n" + b;
    }

    /** The {@link Message} role for a ShareGPT {@code from} or messages {@code role}; null if unknown. */
    static String role(String name) {
        String known = knownRole(name);
        return known != null ? known : knownRole(name.strip().toLowerCase(Locale.ROOT));
    }

    private static String knownRole(String name) {
        return switch (name) {
            case "human", "user" -> Message.USER;
            case "gpt", "assistant", "model", "chatgpt", "bard", "bing", "function_call" -> Message.ASSISTANT;
            case "system", "developer" -> Message.SYSTEM;
            case "observation", "tool", "function", "ipython" -> Message.TOOL;
            default -> null;
        };
    }

    /** Whether the source role is a tool call (kept as an assistant turn) or a tool result. */
    static boolean isToolRole(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.equals("function_call") || n.equals("observation") || n.equals("tool") || n.equals("function")
                || n.equals("ipython");
    }
}
