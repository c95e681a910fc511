package dev.sift.core.llm.cache;

import java.util.regex.Pattern;

/**
 * Removes anything that looks like a credential from text bound for the project file or a log:
 * {@code Bearer …} tokens, {@code api_key=…}-style assignments and strings shaped like common API
 * keys. A second line of defence: {@link dev.sift.core.llm.LlmException} messages must not hold a
 * key in the first place.
 */
public final class Redaction {

    /** What a removed secret is replaced with. */
    public static final String MARK = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)((?:api[_-]?key|x-api-key|authorization|access[_-]?token|secret)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "(?!bearer\\s)[^\\s\"',;&]+");
    private static final Pattern KEY_SHAPED =
            Pattern.compile("(?<![A-Za-z0-9])(?:sk-|sk_|hf_|AIza|ghp_|gsk_|xai-)[A-Za-z0-9_\\-]{8,}");

    private Redaction() {}

    /** The text with credentials replaced by {@link #MARK}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = BEARER.matcher(text).replaceAll("$1" + MARK);
        result = ASSIGNMENT.matcher(result).replaceAll("$1" + MARK);
        return KEY_SHAPED.matcher(result).replaceAll(MARK);
    }
}
