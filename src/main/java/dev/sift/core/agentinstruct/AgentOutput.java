package dev.sift.core.agentinstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the flows' agents answer. The formats are fixed by the built-in prompts and documented in
 * docs/agentinstruct.md: the generator and the editor put the instruction between {@code <instruction>} and
 * {@code </instruction>}, the suggester puts each proposal between {@code <suggestion>} and {@code </suggestion>},
 * and a transformer answers with the transformed text (optionally inside {@code <content>} tags). Tags are matched
 * case-insensitively; a missing closing tag at the very end of the answer (a reply cut short) is tolerated.
 */
public final class AgentOutput {

    private AgentOutput() {}

    /** The texts between {@code <tag>} and {@code </tag>}, trimmed, empty ones left out. */
    public static List<String> blocks(String text, String tag) {
        Pattern p = Pattern.compile("<" + tag + ">(.*?)(?:</" + tag + ">|\\z)", Pattern.DOTALL
                | Pattern.CASE_INSENSITIVE);
        Matcher m = p.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            String block = m.group(1).trim();
            if (!block.isEmpty()) {
                out.add(block);
            }
        }
        return out;
    }

    /**
     * The one instruction of a generator or editor answer: the first {@code <instruction>} block.
     *
     * @param who the role and skill, for the message, e.g. "the generator of skill 'fermi'"
     * @throws AgentOutputException when the answer has no such block
     */
    public static String instruction(String text, String who) throws AgentOutputException {
        List<String> found = blocks(text, "instruction");
        if (found.isEmpty()) {
            throw new AgentOutputException(who + " answered without an <instruction>…</instruction> block: "
                    + preview(text));
        }
        return found.get(0);
    }

    /**
     * The suggester's proposals, at most {@code count}.
     *
     * @throws AgentOutputException when the answer has no {@code <suggestion>} block
     */
    public static List<String> suggestions(String text, int count, String who) throws AgentOutputException {
        List<String> found = blocks(text, "suggestion");
        if (found.isEmpty()) {
            throw new AgentOutputException(who + " answered without a <suggestion>…</suggestion> block: "
                    + preview(text));
        }
        return List.copyOf(found.subList(0, Math.min(count, found.size())));
    }

    /**
     * A transformer's content: inside {@code <content>} tags when it used them, else the whole answer.
     *
     * @throws AgentOutputException when the answer is empty
     */
    public static String content(String text, String who) throws AgentOutputException {
        List<String> found = blocks(text, "content");
        String out = found.isEmpty() ? text.trim() : found.get(0);
        if (out.isEmpty()) {
            throw new AgentOutputException(who + " answered with an empty text");
        }
        return out;
    }

    private static String preview(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? "(empty)" : "\"" + (t.length() > 120 ? t.substring(0, 120) + "…" : t) + "\"";
    }
}
