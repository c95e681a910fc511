package dev.sift.core.review;

import java.util.Objects;

/**
 * One run of a word diff: text both sides share, text only the revised side has, or text only the original has.
 * Joining the SAME and REMOVED runs in order gives the original; joining SAME and ADDED gives the revised text.
 */
public record DiffSegment(Kind kind, String text) {

    /** Which side the text belongs to. */
    public enum Kind {
        /** In both texts. */
        SAME,
        /** Only in the revised text. */
        ADDED,
        /** Only in the original text. */
        REMOVED
    }

    public DiffSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static DiffSegment same(String text) {
        return new DiffSegment(Kind.SAME, text);
    }

    public static DiffSegment added(String text) {
        return new DiffSegment(Kind.ADDED, text);
    }

    public static DiffSegment removed(String text) {
        return new DiffSegment(Kind.REMOVED, text);
    }
}
