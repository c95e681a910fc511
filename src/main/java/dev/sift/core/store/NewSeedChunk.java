package dev.sift.core.store;

import java.util.Objects;

/**
 * A passage of a seed document on its way into a collection.
 *
 * @param source the file path as given, or {@code file#record} for a document of a JSONL file
 * @param language a code chunk's language ({@code java}, {@code python}, ...); empty for prose
 * @param chunkIndex zero-based position of the passage within its document
 * @param tokenCount the passage's length by the tokenizer it was cut with
 */
public record NewSeedChunk(
        String source, SeedChunkKind kind, String language, int chunkIndex, String text, int tokenCount) {
    public NewSeedChunk {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        language = Objects.requireNonNullElse(language, "");
        Objects.requireNonNull(text, "text");
    }
}
