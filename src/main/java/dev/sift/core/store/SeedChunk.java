package dev.sift.core.store;

/**
 * A stored passage of a seed document.
 *
 * @param source the file path as given, or {@code file#record} for a document of a JSONL file
 * @param language a code chunk's language; empty for prose
 * @param chunkIndex zero-based position of the passage within its document
 */
public record SeedChunk(
        long id,
        long collectionId,
        String source,
        SeedChunkKind kind,
        String language,
        int chunkIndex,
        String text,
        int tokenCount) {}
