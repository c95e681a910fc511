package dev.sift.core.seeds;

/**
 * How seed documents are cut.
 *
 * @param chunkTokens the most tokens a chunk may hold
 * @param overlap tokens of the end of a chunk repeated at the start of the next one of the same document, so that a
 *     passage cut in two is still whole in one of them; less than {@code chunkTokens}
 * @param field the field of a JSONL record that holds the document's text
 */
public record ChunkSettings(int chunkTokens, int overlap, String field) {

    public static final int DEFAULT_CHUNK_TOKENS = 512;
    public static final int DEFAULT_OVERLAP = 64;
    public static final String DEFAULT_FIELD = "text";
    /** Below this a chunk holds too little to write an instruction from. */
    public static final int MIN_CHUNK_TOKENS = 16;

    public ChunkSettings {
        if (chunkTokens < MIN_CHUNK_TOKENS) {
            throw new IllegalArgumentException("chunk tokens must be at least " + MIN_CHUNK_TOKENS + ", not "
                    + chunkTokens);
        }
        if (overlap < 0 || overlap >= chunkTokens) {
            throw new IllegalArgumentException("overlap must be from 0 to " + (chunkTokens - 1)
                    + " (less than the chunk tokens), not " + overlap);
        }
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("the JSONL text field must not be empty");
        }
    }

    public static ChunkSettings defaults() {
        return new ChunkSettings(DEFAULT_CHUNK_TOKENS, DEFAULT_OVERLAP, DEFAULT_FIELD);
    }
}
