package dev.sift.core.llm;

/** Tokens a call consumed, as the server reported them (zero when it did not). */
public record Usage(long promptTokens, long completionTokens) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }
}
