package dev.sift.core.reflection;

import dev.sift.core.scoring.CausalLmScorer;

/**
 * The reference code's trimming of long samples before they go to the teacher (ALGORITHMS.md §4.2), used only in
 * compatibility mode: when instruction + input + output is longer than the limit in the student's tokens, the output
 * loses as many <em>characters</em> from its end as there are tokens too many. A quirk (characters are not tokens),
 * reproduced so that reference numbers can be matched; off by default.
 */
public final class ReferenceCompat {

    private ReferenceCompat() {}

    /** The output, trimmed by the token overflow in characters; unchanged when the sample fits. */
    public static String trimOutput(CausalLmScorer tokenizer, String instruction, String input, String output,
            int limit) {
        int tokens;
        synchronized (tokenizer) { // in-process models are not assumed to be thread-safe
            tokens = tokenizer.encode(instruction + input + output, true).length;
        }
        int overflow = tokens - limit;
        if (overflow <= 0) {
            return output;
        }
        return output.substring(0, Math.max(0, output.length() - overflow));
    }
}
