package dev.sift.core.agentinstruct;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of skill prompts: which a template uses, and filling them in. A name is letters,
 * digits and underscores; anything else between double braces is left as it is. Which names each prompt may use is
 * checked when a skill is read ({@link SkillReader}), so rendering never meets an unknown one.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private Placeholders() {}

    /** The names a template uses, in order of first use. */
    public static Set<String> names(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The template with every placeholder replaced by its value; the values are inserted literally.
     *
     * @throws IllegalArgumentException when the template uses a name without a value
     */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for the placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
