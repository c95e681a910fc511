package dev.sift.core.llm;

import java.util.List;

/**
 * One token with its natural-log probability and, when asked for, the most likely alternatives at
 * its position.
 */
public record TokenLogprob(String token, double logprob, List<Alternative> top) {
    public TokenLogprob {
        top = List.copyOf(top);
    }

    public record Alternative(String token, double logprob) {}
}
