package dev.sift.core.scoring;

/** Why a sample got no score. A skipped sample's IFD is NaN, and NaN never passes a selection threshold. */
public enum SkipReason {
    /** Scored normally. */
    NONE,
    /** The response is empty. */
    EMPTY_RESPONSE,
    /** Cherry v1: {@code maxLength - promptTokens <= 0}, so no answer token fits; the model was not called. */
    PROMPT_FILLS_WINDOW,
    /** Cherry v1: the conditional or the direct span has no tokens. */
    EMPTY_SPAN,
    /** Cherry v1: {@code promptTokens + directSpanTokens > maxLength}. */
    DIRECT_OVERFLOW
}
