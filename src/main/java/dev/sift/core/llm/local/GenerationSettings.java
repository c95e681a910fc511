package dev.sift.core.llm.local;

import java.util.List;
import java.util.Set;

/**
 * How {@link OnnxCausalLm#generate} picks tokens and when it stops.
 *
 * @param maxNewTokens at most this many new tokens (at least 1)
 * @param temperature 0 for greedy decoding (the most likely token, lowest id on ties); otherwise logits
 *     are divided by it before sampling
 * @param topP nucleus sampling: sample only from the most likely tokens whose probabilities add up to
 *     at least this (0 &lt; topP &le; 1; 1 keeps the whole vocabulary). Ignored when greedy.
 * @param seed seeds the {@link java.util.Random} of one call, so equal settings give equal output
 * @param stopAtEos stop at the model's end-of-sequence ids (config.json and generation_config.json)
 * @param stopTokenIds further ids that end generation; like EOS they are left out of the output
 * @param stopStrings generation ends as soon as the decoded new text contains one of these (the new text
 *     is decoded again after every token, which is cheap next to a forward pass)
 */
public record GenerationSettings(
        int maxNewTokens,
        double temperature,
        double topP,
        long seed,
        boolean stopAtEos,
        Set<Integer> stopTokenIds,
        List<String> stopStrings) {

    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be at least 1, was " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        stopTokenIds = Set.copyOf(stopTokenIds);
        stopStrings = List.copyOf(stopStrings);
        if (stopStrings.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("stop strings must not be empty");
        }
    }

    /** Greedy decoding that stops at EOS. */
    public static GenerationSettings greedy(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 0, 1, 0, true, Set.of(), List.of());
    }

    /** Temperature and top-p sampling with a fixed seed that stops at EOS. */
    public static GenerationSettings sampling(int maxNewTokens, double temperature, double topP, long seed) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, true, Set.of(), List.of());
    }

    public boolean isGreedy() {
        return temperature == 0;
    }

    public GenerationSettings withStopStrings(String... strings) {
        return new GenerationSettings(
                maxNewTokens, temperature, topP, seed, stopAtEos, stopTokenIds, List.of(strings));
    }

    public GenerationSettings withStopTokenIds(Integer... ids) {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, stopAtEos, Set.of(ids), stopStrings);
    }

    /** The same settings, but EOS does not end generation (only stop ids, stop strings and the limit do). */
    public GenerationSettings withoutEosStop() {
        return new GenerationSettings(maxNewTokens, temperature, topP, seed, false, stopTokenIds, stopStrings);
    }
}
