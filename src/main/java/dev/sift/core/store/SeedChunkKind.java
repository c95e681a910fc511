package dev.sift.core.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a seed passage is: prose, Markdown, or source code (whose language the chunk names). */
public enum SeedChunkKind {
    TEXT("text"),
    MARKDOWN("markdown"),
    CODE("code");

    private final String id;

    SeedChunkKind(String id) {
        this.id = id;
    }

    /** The name stored in the project file and shown on screens. */
    public String id() {
        return id;
    }

    public static Optional<SeedChunkKind> fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }
}
