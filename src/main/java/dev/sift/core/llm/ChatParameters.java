package dev.sift.core.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decoding parameters of a chat request. Empty values are left out of the request, so the server's
 * defaults apply.
 *
 * @param n completions wanted; servers that refuse {@code n > 1} are answered by n single requests
 * @param logprobs ask for the log-probability of each generated token
 * @param topLogprobs alternatives per position (0 for none)
 * @param responseFormat e.g. {@code "json_object"}; empty for free text
 */
public record ChatParameters(
        OptionalInt maxTokens,
        OptionalDouble temperature,
        OptionalDouble topP,
        OptionalLong seed,
        List<String> stop,
        int n,
        boolean logprobs,
        int topLogprobs,
        Optional<String> responseFormat) {

    public ChatParameters {
        Objects.requireNonNull(maxTokens);
        Objects.requireNonNull(temperature);
        Objects.requireNonNull(topP);
        Objects.requireNonNull(seed);
        stop = List.copyOf(stop);
        Objects.requireNonNull(responseFormat);
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        if (topLogprobs < 0) {
            throw new IllegalArgumentException("topLogprobs must not be negative");
        }
    }

    /** The server's defaults, one completion, no log-probs. */
    public static ChatParameters defaults() {
        return new ChatParameters(OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), List.of(), 1, false, 0, Optional.empty());
    }

    public ChatParameters withMaxTokens(int value) {
        return new ChatParameters(OptionalInt.of(value), temperature, topP, seed, stop, n, logprobs, topLogprobs, responseFormat);
    }

    public ChatParameters withTemperature(double value) {
        return new ChatParameters(maxTokens, OptionalDouble.of(value), topP, seed, stop, n, logprobs, topLogprobs, responseFormat);
    }

    public ChatParameters withTopP(double value) {
        return new ChatParameters(maxTokens, temperature, OptionalDouble.of(value), seed, stop, n, logprobs, topLogprobs, responseFormat);
    }

    public ChatParameters withSeed(long value) {
        return new ChatParameters(maxTokens, temperature, topP, OptionalLong.of(value), stop, n, logprobs, topLogprobs, responseFormat);
    }

    public ChatParameters withStop(List<String> value) {
        return new ChatParameters(maxTokens, temperature, topP, seed, value, n, logprobs, topLogprobs, responseFormat);
    }

    public ChatParameters withN(int value) {
        return new ChatParameters(maxTokens, temperature, topP, seed, stop, value, logprobs, topLogprobs, responseFormat);
    }

    public ChatParameters withLogprobs(int top) {
        return new ChatParameters(maxTokens, temperature, topP, seed, stop, n, true, top, responseFormat);
    }

    public ChatParameters withResponseFormat(String value) {
        return new ChatParameters(maxTokens, temperature, topP, seed, stop, n, logprobs, topLogprobs, Optional.of(value));
    }
}
