package dev.sift.core.llm;

import java.util.List;

/**
 * One completion. {@code finishReason} is the server's ("stop", "length", …, or "" when not given);
 * {@code logprobs} is empty unless requested and supported.
 */
public record Choice(String text, String finishReason, List<TokenLogprob> logprobs) {
    public Choice {
        logprobs = List.copyOf(logprobs);
    }
}
