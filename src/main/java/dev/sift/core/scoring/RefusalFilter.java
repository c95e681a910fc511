package dev.sift.core.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags responses that refuse or disclaim ("As an AI language model, ...") by case-insensitive substring match
 * against a phrase list, as Cherry's WizardLM* preparation does (ALGORITHMS.md §3.1). Immutable and thread-safe.
 */
public final class RefusalFilter {

    /** The default phrases: common refusals and AI disclaimers, lower case. */
    public static final List<String> DEFAULT_PHRASES = List.of(
            "as an ai language model",
            "as an ai model",
            "as an ai assistant",
            "as a language model",
            "as an artificial intelligence",
            "i am an ai language model",
            "i'm an ai language model",
            "i am just an ai",
            "i'm just an ai",
            "as a large language model",
            "i'm sorry, but i cannot",
            "i'm sorry, but i can't",
            "i'm sorry, i cannot",
            "i'm sorry, i can't",
            "i am sorry, but i cannot",
            "i apologize, but i cannot",
            "i apologize, but i can't",
            "i cannot fulfill",
            "i can't fulfill",
            "i cannot comply",
            "i am unable to provide",
            "i'm unable to provide",
            "i do not have personal opinions",
            "i don't have personal opinions",
            "i do not have personal feelings",
            "i don't have personal feelings",
            "i do not have the ability to",
            "i don't have the ability to",
            "i do not have access to real-time",
            "i don't have access to real-time",
            "my knowledge cutoff",
            "against my programming",
            "openai's content policy",
            "it is not appropriate for me to",
            "it's not appropriate for me to");

    private final List<String> phrases;

    /** A filter with the given phrases; matching ignores case. */
    public RefusalFilter(List<String> phrases) {
        this.phrases = phrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    public static RefusalFilter withDefaults() {
        return new RefusalFilter(DEFAULT_PHRASES);
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The first listed phrase that occurs in {@code text}, if any. */
    public Optional<String> firstMatch(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return phrases.stream().filter(lower::contains).findFirst();
    }

    /** Whether {@code text} contains any listed phrase. */
    public boolean matches(String text) {
        return firstMatch(text).isPresent();
    }
}
