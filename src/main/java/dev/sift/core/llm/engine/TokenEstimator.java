package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.model.Message;

/**
 * Guesses token counts before a call, where no tokenizer is at hand: {@code chars / charsPerToken}
 * for text (about 4 for English with GPT-style tokenizers), and the request's {@code max_tokens} (or
 * {@code defaultMaxTokens} when it has none) per completion for the output. Used by the rate limiter,
 * the budget and the {@link CostEstimator}; real usage replaces the guess once a call is answered.
 *
 * @param charsPerToken characters per token, positive
 * @param defaultMaxTokens expected completion tokens when a request sets no {@code max_tokens}
 */
public record TokenEstimator(double charsPerToken, int defaultMaxTokens) {

    public static final TokenEstimator DEFAULT = new TokenEstimator(4.0, 512);

    public TokenEstimator {
        if (!(charsPerToken > 0)) {
            throw new IllegalArgumentException("charsPerToken must be positive, was " + charsPerToken);
        }
        if (defaultMaxTokens < 0) {
            throw new IllegalArgumentException("defaultMaxTokens must not be negative");
        }
    }

    /** Tokens for {@code chars} characters of text, rounded up. */
    public long tokensForChars(long chars) {
        return (long) Math.ceil(chars / charsPerToken);
    }

    public long tokens(String text) {
        return tokensForChars(text.length());
    }

    public long promptTokens(ChatRequest request) {
        long chars = 0;
        for (Message message : request.messages()) {
            chars += message.content().length();
        }
        return tokensForChars(chars);
    }

    /** The output a request may produce: {@code max_tokens} (or the default) times {@code n}. */
    public long completionTokens(ChatRequest request) {
        int perChoice = request.parameters().maxTokens().orElse(defaultMaxTokens);
        return (long) perChoice * request.parameters().n();
    }

    /** Prompt plus output, the cost a rate limiter reserves before sending. */
    public long totalTokens(ChatRequest request) {
        return promptTokens(request) + completionTokens(request);
    }

    /** Scoring sends prompt and continuation and generates (almost) nothing. */
    public long promptTokens(ScoreRequest request) {
        return tokensForChars((long) request.prompt().length() + request.continuation().length());
    }

    /** The output of an answered call, for servers that report no usage. */
    public long completionTokens(ChatResponse response) {
        long chars = 0;
        for (var choice : response.choices()) {
            chars += choice.text().length();
        }
        return tokensForChars(chars);
    }
}
