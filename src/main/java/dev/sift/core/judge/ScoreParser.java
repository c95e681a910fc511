package dev.sift.core.judge;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scores out of judge replies, and never guesses: a reply without a score in one of the accepted
 * forms, or with a score outside 0..10, yields empty.
 *
 * <ul>
 *   <li>single grading: the first {@code [[N]]}, else the first {@code Rating: N} (case-insensitive,
 *       optionally in single brackets); N may be a decimal such as 7.5;
 *   <li>pairwise: the first non-blank line, with "," replaced by " ", must hold exactly two numbers.
 * </ul>
 */
public final class ScoreParser {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern DOUBLE_BRACKETS = Pattern.compile("\\[\\[\\s*" + NUMBER + "\\s*\\]\\]");
    private static final Pattern RATING_IN_BRACKETS = Pattern.compile(
            "rating\\s*[:=]?\\s*\\[\\[\\s*" + NUMBER + "\\s*\\]\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATING = Pattern.compile("rating\\s*[:=]?\\s*\\[?\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_NUMBER = Pattern.compile(NUMBER);
    private static final double MAX = 10;

    private ScoreParser() {}

    /** The rating of a single-answer grading reply. */
    public static OptionalDouble rating(String reply) {
        for (Pattern pattern : new Pattern[] {DOUBLE_BRACKETS, RATING}) {
            Matcher m = pattern.matcher(reply);
            if (m.find()) {
                double value = Double.parseDouble(m.group(1));
                return inRange(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /** The reply without its rating (the first {@code Rating: [[N]]}, {@code [[N]]} or {@code Rating: N}), stripped. */
    public static String withoutRating(String reply) {
        for (Pattern pattern : new Pattern[] {RATING_IN_BRACKETS, DOUBLE_BRACKETS, RATING}) {
            Matcher m = pattern.matcher(reply);
            if (m.find()) {
                return (reply.substring(0, m.start()) + reply.substring(m.end())).strip();
            }
        }
        return reply.strip();
    }

    /** The two scores on the first line of a pairwise reply: Assistant 1's, then Assistant 2's. */
    public static Optional<double[]> scorePair(String reply) {
        String firstLine = reply.strip().lines().findFirst().orElse("");
        String[] parts = firstLine.replace(',', ' ').strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        if (!PLAIN_NUMBER.matcher(parts[0]).matches() || !PLAIN_NUMBER.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        double a = Double.parseDouble(parts[0]);
        double b = Double.parseDouble(parts[1]);
        return inRange(a) && inRange(b) ? Optional.of(new double[] {a, b}) : Optional.empty();
    }

    private static boolean inRange(double value) {
        return Double.isFinite(value) && value >= 0 && value <= MAX;
    }
}
