package dev.sift.core.agentinstruct;

import java.util.Objects;

/**
 * A seed chunk as the flows see it.
 *
 * @param source where the document came from (a file name), for the {@code {{source}}} placeholder
 * @param kind {@code text}, {@code markdown} or {@code code}
 * @param language the programming language of a code chunk; empty otherwise
 */
public record SeedText(String text, String source, String kind, String language) {

    public SeedText {
        Objects.requireNonNull(text, "text");
        source = Objects.requireNonNullElse(source, "");
        Objects.requireNonNull(kind, "kind");
        language = Objects.requireNonNullElse(language, "");
    }
}
