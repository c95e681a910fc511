package dev.sift.core.llm;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The token ids a server's tokenizer gave for a text, and the model's context window when the server
 * reports it (vLLM's {@code max_model_len}).
 *
 * @param ids the token ids, in order; a copy is kept and returned
 * @param maxModelLength the most tokens a request may hold, prompt and completion together
 */
public record Tokenization(int[] ids, OptionalInt maxModelLength) {

    public Tokenization {
        ids = Objects.requireNonNull(ids, "ids").clone();
        Objects.requireNonNull(maxModelLength, "maxModelLength");
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tokenization t && Arrays.equals(ids, t.ids) && maxModelLength.equals(t.maxModelLength);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + maxModelLength.hashCode();
    }

    @Override
    public String toString() {
        return "Tokenization[ids=" + Arrays.toString(ids) + ", maxModelLength=" + maxModelLength + "]";
    }
}
