package dev.sift.core.scoring;

/** What the "direct" (unconditioned) text is, with its truncation and skip rules (ALGORITHMS.md §0.3 item 4–5). */
public enum DirectMode {

    /**
     * Cherry v1: direct text = response header + answer, truncated to {@code maxLength - promptTokens + h}, where h
     * is the header's token count including BOS. Samples are skipped (IFD = NaN) when the prompt fills the window,
     * when either span is empty, or when {@code promptTokens + directSpanTokens > maxLength}.
     */
    CHERRY_V1,

    /**
     * Reflection-Tuning and Superfiltering: direct text = the answer alone, scored over the whole text, truncated to
     * {@code maxLength - promptTokens + 1}. No skip rules beyond the empty response; empty spans give NaN means.
     */
    RESPONSE_ONLY
}
