package dev.sift.core.scoring;

/** How the scored span of a text (the answer within prompt + answer) is located in token ids (ALGORITHMS.md §0.3). */
public enum SpanMode {

    /**
     * Robust (default): ids are {@code encode(prefix, addBos=true) ++ encode(target, addBos=false)} and the span
     * starts right after the prefix ids, so no boundary merge can move it.
     */
    CONCATENATE,

    /**
     * The reference code's behaviour: encode {@code prefix + target} as one text, then find the span start by
     * re-encoding the text before the last occurrence of the target. A token merged across the boundary shifts
     * the start.
     */
    REFERENCE_COMPAT
}
