package dev.sift.core.scoring;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Settings of one IFD or r-IFD run. Use the same settings for every sample of a run: scores are not comparable
 * across templates, models or maximum lengths.
 *
 * @param template prompt template applied to instruction and input
 * @param spanMode how the scored span is located; {@link SpanMode#CONCATENATE} unless reproducing the reference
 * @param directMode what the direct text is, and its truncation and skip rules
 * @param maxLength truncation length in tokens, BOS included
 * @param headerTokens Cherry v1's {@code h}; empty means "count {@code encode(header, addBos=true)} with the
 *     scorer's tokenizer", which gives the reference's 4 ({@code ### Response:}) and 6 ({@code ASSISTANT:}) on LLaMA
 */
public record IfdOptions(
        PromptTemplate template, SpanMode spanMode, DirectMode directMode, int maxLength, OptionalInt headerTokens) {

    public IfdOptions {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(spanMode, "spanMode");
        Objects.requireNonNull(directMode, "directMode");
        Objects.requireNonNull(headerTokens, "headerTokens");
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2");
        }
    }

    /** Cherry v1 on Alpaca: alpaca template, header + answer as the direct text, 512 tokens. */
    public static IfdOptions cherryV1() {
        return new IfdOptions(PromptTemplate.ALPACA, SpanMode.CONCATENATE, DirectMode.CHERRY_V1, 512,
                OptionalInt.empty());
    }

    /** Superfiltering: no template, the answer alone as the direct text, 1024 tokens (GPT-2's window). */
    public static IfdOptions superfiltering() {
        return new IfdOptions(PromptTemplate.NONE, SpanMode.CONCATENATE, DirectMode.RESPONSE_ONLY, 1024,
                OptionalInt.empty());
    }

    /** Selective Reflection-Tuning student statistics: Vicuna template, the answer alone, 2048 tokens. */
    public static IfdOptions reflection() {
        return new IfdOptions(PromptTemplate.VICUNA, SpanMode.CONCATENATE, DirectMode.RESPONSE_ONLY, 2048,
                OptionalInt.empty());
    }

    public IfdOptions withTemplate(PromptTemplate value) {
        return new IfdOptions(value, spanMode, directMode, maxLength, headerTokens);
    }

    public IfdOptions withSpanMode(SpanMode value) {
        return new IfdOptions(template, value, directMode, maxLength, headerTokens);
    }

    public IfdOptions withMaxLength(int value) {
        return new IfdOptions(template, spanMode, directMode, value, headerTokens);
    }

    public IfdOptions withHeaderTokens(int value) {
        return new IfdOptions(template, spanMode, directMode, maxLength, OptionalInt.of(value));
    }
}
