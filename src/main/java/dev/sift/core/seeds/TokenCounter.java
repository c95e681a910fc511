package dev.sift.core.seeds;

/**
 * Counts the tokens of a text, for cutting seed documents to a token budget. The chunker only needs counts, so a
 * model's own tokenizer can stand in for the {@link ApproximateTokenCounter} by implementing this.
 */
@FunctionalInterface
public interface TokenCounter {

    /** The number of tokens of {@code text}; 0 for empty or blank text. Must be deterministic. */
    int count(CharSequence text);
}
