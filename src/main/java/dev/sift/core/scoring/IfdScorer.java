package dev.sift.core.scoring;

import java.util.Objects;

/**
 * Computes the Instruction-Following Difficulty of (instruction, input, response) samples with a causal LM
 * (ALGORITHMS.md §0.2–0.3). Blocking; makes at most two {@link CausalLmScorer#tokenNll} calls per sample and is as
 * thread-safe as the scorer it wraps.
 */
public final class IfdScorer {

    private final CausalLmScorer scorer;
    private final IfdOptions options;
    private final SpanScorer spans;

    public IfdScorer(CausalLmScorer scorer, IfdOptions options) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.options = Objects.requireNonNull(options, "options");
        if (options.maxLength() > scorer.maxLength()) {
            throw new IllegalArgumentException("maxLength " + options.maxLength()
                    + " exceeds the scorer's window of " + scorer.maxLength());
        }
        this.spans = new SpanScorer(scorer, options.spanMode());
    }

    public IfdOptions options() {
        return options;
    }

    /** Scores one sample; {@code input} may be empty. An empty response gives a result with no score. */
    public IfdResult score(String instruction, String input, String response) {
        if (response.isEmpty()) {
            return IfdResult.skipped(SkipReason.EMPTY_RESPONSE, options, scorer.name());
        }
        String prompt = options.template().format(instruction, input);
        int maxLength = options.maxLength();
        int promptTokens = spans.promptTokens(prompt, maxLength);
        return options.directMode() == DirectMode.CHERRY_V1
                ? scoreCherryV1(prompt, promptTokens, response)
                : scoreResponseOnly(prompt, promptTokens, response);
    }

    private IfdResult scoreCherryV1(String prompt, int promptTokens, String response) {
        int maxLength = options.maxLength();
        if (maxLength - promptTokens <= 0) {
            return IfdResult.skipped(SkipReason.PROMPT_FILLS_WINDOW, options, scorer.name());
        }
        String header = options.template().responseHeader();
        int h = options.headerTokens().orElseGet(() -> scorer.encode(header, true).length);
        SpanScorer.Span direct = spans.score(header, response, response, maxLength - promptTokens + h);
        SpanScorer.Span conditional = spans.score(prompt, response, response, maxLength);
        SkipReason skip = SkipReason.NONE;
        if (direct.length() <= 0 || conditional.length() <= 0) {
            skip = SkipReason.EMPTY_SPAN;
        } else if (promptTokens + direct.length() > maxLength) {
            skip = SkipReason.DIRECT_OVERFLOW;
        }
        return new IfdResult(conditional.nll(), direct.nll(), skip, options, scorer.name());
    }

    private IfdResult scoreResponseOnly(String prompt, int promptTokens, String response) {
        int maxLength = options.maxLength();
        SpanScorer.Span direct = spans.score("", response, response, maxLength - promptTokens + 1);
        SpanScorer.Span conditional = spans.score(prompt, response, response, maxLength);
        return new IfdResult(conditional.nll(), direct.nll(), SkipReason.NONE, options, scorer.name());
    }
}
