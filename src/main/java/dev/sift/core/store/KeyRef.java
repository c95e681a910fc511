package dev.sift.core.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an endpoint's API key is found: {@code env:NAME} (an environment variable) or
 * {@code cred:NAME} (an entry of the user's credentials file). The project file stores only this
 * reference, never the key.
 *
 * <p>Messages of the exceptions thrown here never repeat the rejected text, since it may be a key
 * pasted into the wrong field.
 */
public record KeyRef(Scheme scheme, String name) {

    /** Where the key lives. */
    public enum Scheme {
        ENV("env:"),
        CRED("cred:");

        private final String prefix;

        Scheme(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern CRED_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** Prefixes of common keys: OpenAI and most gateways, Anthropic, Hugging Face, Google, GitHub, Groq, xAI. */
    private static final Pattern KEY_PREFIX = Pattern.compile("^(sk-|sk_|hf_|AIza|ghp_|gsk_|xai-|(?i:bearer\\s)).*");
    private static final int LONG_TOKEN = 24;
    private static final int LONG_PREFIXED_KEY = 20;

    static final String RAW_KEY_MESSAGE = "This looks like an API key itself. Sift never stores keys in the"
            + " project: put the key in an environment variable and enter env:NAME, or in your credentials"
            + " file and enter cred:NAME";

    public KeyRef {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException with a message safe to show (it does not repeat the text) when
     *     the text is not a reference, in particular when it looks like a raw key
     */
    public static KeyRef parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        for (Scheme scheme : Scheme.values()) {
            if (t.regionMatches(true, 0, scheme.prefix, 0, scheme.prefix.length())) {
                String name = t.substring(scheme.prefix.length());
                if (KEY_PREFIX.matcher(name).matches() && name.length() >= LONG_PREFIXED_KEY) {
                    throw new IllegalArgumentException(RAW_KEY_MESSAGE);
                }
                Pattern valid = scheme == Scheme.ENV ? ENV_NAME : CRED_NAME;
                if (!valid.matcher(name).matches()) {
                    throw new IllegalArgumentException("The key reference needs a name after " + scheme.prefix
                            + (scheme == Scheme.ENV ? " (letters, digits and _, not starting with a digit)"
                                    : " (letters, digits, '.', '-' and _)"));
                }
                return new KeyRef(scheme, name);
            }
        }
        if (looksLikeKey(t)) {
            throw new IllegalArgumentException(RAW_KEY_MESSAGE);
        }
        throw new IllegalArgumentException("A key reference is env:NAME (an environment variable) or"
                + " cred:NAME (an entry of your credentials file)");
    }

    /** Checks an endpoint's key reference; the empty string means "no key". */
    public static void check(String text) {
        if (text != null && !text.isBlank()) {
            parse(text);
        }
    }

    /**
     * Heuristic for "someone pasted the key": a known key prefix, or a long token without spaces that
     * mixes letters and digits.
     */
    static boolean looksLikeKey(String text) {
        if (KEY_PREFIX.matcher(text).matches()) {
            return true;
        }
        return text.length() >= LONG_TOKEN
                && text.chars().noneMatch(Character::isWhitespace)
                && text.chars().anyMatch(Character::isDigit)
                && text.chars().anyMatch(Character::isLetter);
    }

    /** The key, for an {@code env:} reference, from the given environment (e.g. {@code System.getenv()}). */
    public Optional<String> resolveFrom(Map<String, String> environment) {
        if (scheme != Scheme.ENV) {
            return Optional.empty();
        }
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return scheme.prefix + name;
    }
}
