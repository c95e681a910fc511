package dev.sift.core.reflection;

import java.util.Optional;

/**
 * The four versions of a sample that Selective Reflection-Tuning scores with the student (ALGORITHMS.md §4.2): the
 * original, the instruction reflection Q (new instruction and answer), the response reflection A (the original
 * instruction with a better answer) and QA (the response reflection of Q).
 */
public enum ReflectionVersion {
    ORIGINAL("ori"),
    Q("Q"),
    A("A"),
    QA("QA");

    private final String label;

    ReflectionVersion(String label) {
        this.label = label;
    }

    /** "ori", "Q", "A" or "QA": the words of reasons, and a reflected candidate's source. */
    public String label() {
        return label;
    }

    /** The reflected version a candidate's source names ("Q", "A", "QA"); empty for anything else. */
    public static Optional<ReflectionVersion> ofSource(String source) {
        for (ReflectionVersion v : values()) {
            if (v != ORIGINAL && v.label.equals(source)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
