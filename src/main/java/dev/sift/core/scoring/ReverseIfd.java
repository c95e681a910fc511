package dev.sift.core.scoring;

import java.util.Objects;

/**
 * Reversed IFD as Selective Reflection-Tuning computes it (ALGORITHMS.md §4.4):
 * <ul>
 *   <li>A' = the template's no-input form around {@link #GUESS_PROMPT}, a newline, the response, a newline and
 *       {@link #GUESS_SUFFIX};</li>
 *   <li>conditional text = A' + instruction + input with no separator; the span starts at the (last occurrence of
 *       the) instruction, so input tokens are scored too; truncated to {@code maxLength};</li>
 *   <li>direct text = instruction + input alone, truncated to {@code maxLength - len(A') + 1}.</li>
 * </ul>
 * The {@link IfdOptions#directMode()} is not used: r-IFD always has this shape. Blocking; two model calls per sample.
 */
public final class ReverseIfd {

    public static final String GUESS_PROMPT =
            "Below is the response to an instruction, please guess the corresponding instruction for the given response.";
    public static final String GUESS_SUFFIX = "Generate the instruction for the above response.";

    private final CausalLmScorer scorer;
    private final IfdOptions options;
    private final SpanScorer spans;

    public ReverseIfd(CausalLmScorer scorer, IfdOptions options) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.options = Objects.requireNonNull(options, "options");
        this.spans = new SpanScorer(scorer, options.spanMode());
    }

    /** The "guess the instruction" prompt A' wrapped around {@code response}. */
    public String guessPrompt(String response) {
        return options.template().format(GUESS_PROMPT + "\n" + response + "\n" + GUESS_SUFFIX, "");
    }

    /** Scores one sample; an empty response gives NaN. */
    public ReverseIfdResult score(String instruction, String input, String response) {
        if (response.isEmpty()) {
            return new ReverseIfdResult(new double[0], new double[0], SkipReason.EMPTY_RESPONSE, options,
                    scorer.name());
        }
        String guess = guessPrompt(response);
        String question = instruction + (input == null ? "" : input);
        int maxLength = options.maxLength();
        int guessTokens = spans.promptTokens(guess, maxLength);
        SpanScorer.Span direct = spans.score("", question, question, maxLength - guessTokens + 1);
        SpanScorer.Span conditional = spans.score(guess, question, instruction, maxLength);
        return new ReverseIfdResult(conditional.nll(), direct.nll(), SkipReason.NONE, options, scorer.name());
    }
}
