package dev.sift.core.llm;

import java.util.Objects;

/**
 * Teacher-forced scoring: the log-probability of every token of {@code continuation} when it follows
 * {@code prompt} verbatim (no chat template is applied; the caller formats the prompt).
 */
public record ScoreRequest(String model, String prompt, String continuation) {
    public ScoreRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(continuation, "continuation");
    }
}
