package dev.sift.core.reflection;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the teacher's reflections with the reference's regular expressions (ALGORITHMS.md §4.3): DOTALL, first match
 * wins, the text between the tags stripped of surrounding white space.
 * <ul>
 *   <li>new instruction: after {@code [New Instruction]} or {@code New Instruction:}, up to the first {@code [End]},
 *       {@code [New Answer]} or {@code New Answer:}; a trailing {@code "\n\n3."} is cut off;</li>
 *   <li>new answer: after {@code [New Answer]} or {@code New Answer:}, up to {@code [End]} or the end of the text;</li>
 *   <li>better answer: after {@code [Better Answer]}, up to {@code [End]}, the next {@code [Better Answer]} or the end
 *       when the tag occurs twice or more; otherwise up to {@code [End]}, a bare {@code End} or the end.</li>
 * </ul>
 * A field that is missing, empty, a placeholder of the prompt ("your instruction", "your answer") or "N/A" is not
 * parsed (empty), and the caller falls back to the original field.
 */
public final class ReflectionParser {

    private static final Pattern NEW_INSTRUCTION = Pattern.compile(
            "(?:\\[New Instruction\\]|New Instruction:)(.*?)(?:\\[End\\]|\\[New Answer\\]|New Answer:)", Pattern.DOTALL);
    private static final Pattern NEW_ANSWER = Pattern.compile(
            "(?:\\[New Answer\\]|New Answer:)(.*?)(?:\\[End\\]|\\z)", Pattern.DOTALL);
    private static final Pattern BETTER_ANSWER_MANY = Pattern.compile(
            "\\[Better Answer\\](.*?)(?:\\[End\\]|\\[Better Answer\\]|\\z)", Pattern.DOTALL);
    private static final Pattern BETTER_ANSWER_ONE = Pattern.compile(
            "\\[Better Answer\\](.*?)(?:\\[End\\]|End|\\z)", Pattern.DOTALL);
    private static final String BETTER_TAG = "[Better Answer]";
    private static final String STEP_THREE = "\n\n3.";
    private static final Set<String> UNUSABLE = Set.of("", "your instruction", "your answer", "n/a");

    private ReflectionParser() {}

    /** What an instruction reflection gave: each field empty when it could not be used. */
    public record InstructionReflection(Optional<String> instruction, Optional<String> answer) {
        /** Whether neither field could be used: the teacher is asked once more. */
        public boolean failed() {
            return instruction.isEmpty() && answer.isEmpty();
        }
    }

    /** The new instruction and new answer of an instruction reflection. */
    public static InstructionReflection instructionReflection(String text) {
        Optional<String> instruction = first(NEW_INSTRUCTION, text).map(s -> {
            String out = s.strip();
            return out.endsWith(STEP_THREE) ? out.substring(0, out.length() - STEP_THREE.length()).strip() : out;
        });
        return new InstructionReflection(usable(instruction), usable(first(NEW_ANSWER, text).map(String::strip)));
    }

    /** The better answer of a response reflection; empty when it could not be used. */
    public static Optional<String> betterAnswer(String text) {
        Pattern pattern = occurrences(text, BETTER_TAG) >= 2 ? BETTER_ANSWER_MANY : BETTER_ANSWER_ONE;
        return usable(first(pattern, text).map(String::strip));
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> usable(Optional<String> field) {
        return field.filter(s -> !UNUSABLE.contains(s.toLowerCase(Locale.ROOT)));
    }

    private static int occurrences(String text, String tag) {
        int count = 0;
        for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + tag.length())) {
            count++;
        }
        return count;
    }
}
