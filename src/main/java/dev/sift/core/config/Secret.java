package dev.sift.core.config;

import java.util.Objects;

/**
 * An API key or other secret. It never shows itself by accident: {@link #toString()} is {@code "****"},
 * so a secret that ends up in a log line, an exception message or a debugger's summary stays hidden;
 * {@link #masked()} is for display; only {@link #reveal()} gives the value, for the one place that
 * sends it (an Authorization header). Immutable and thread-safe. Two secrets are never equal unless
 * they are the same object, so collections of them don't compare values.
 */
public final class Secret {

    private static final String HIDDEN = "****";
    private static final int SHOWN = 4;
    private static final int SHORTEST_SHOWN = 12;

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException when {@code value} is empty (the message never holds the value)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The value itself. Call it only where the secret is sent, and never log the result. */
    public String reveal() {
        return value;
    }

    /**
     * For display: {@code "****"} followed by the last four characters, so the user can tell keys apart
     * ({@code "****a1b2"}); just {@code "****"} for values under 12 characters, where four would give
     * away too much.
     */
    public String masked() {
        return value.length() < SHORTEST_SHOWN ? HIDDEN : HIDDEN + value.substring(value.length() - SHOWN);
    }

    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
