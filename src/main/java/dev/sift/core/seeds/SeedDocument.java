package dev.sift.core.seeds;

import dev.sift.core.store.SeedChunkKind;

/**
 * One raw document read for a seed collection.
 *
 * @param source the file path as given, or {@code file#record} for the record-th document (1-based) of a JSONL file
 * @param language a code file's language ({@code java}, {@code python}, ...); empty for prose
 * @param text the whole document, with line ends made {@code \n}
 */
public record SeedDocument(String source, SeedChunkKind kind, String language, String text) {}
