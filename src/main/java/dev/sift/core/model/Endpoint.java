package dev.sift.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where models are served, and the limits and prices that apply there.
 *
 * @param baseUrl for OPENAI endpoints, e.g. {@code http://127.0.0.1:8000/v1}; empty for LOCAL
 * @param modelDir for LOCAL endpoints, the ONNX model folder; empty for OPENAI
 * @param keyRef where the API key is found, never the key itself: {@code env:NAME} for an environment
 *     variable or {@code cred:NAME} for an entry of the user's credentials file; empty for no key
 * @param maxConcurrency requests in flight at once
 * @param requestsPerMinute and {@code tokensPerMinute}: empty for no limit
 * @param priceInPerMillion and {@code priceOutPerMillion}: money per million prompt / completion tokens
 * @param group endpoints sharing a group serve the same models and are used together; empty for none
 * @param chatTemplate for LOCAL endpoints, the name of the chat template prompts are rendered with
 *     ({@code chatml}, {@code llama3}, …); empty to detect it from the model folder. Always empty for OPENAI
 */
public record Endpoint(
        long id,
        String name,
        EndpointKind kind,
        String baseUrl,
        String modelDir,
        String keyRef,
        int maxConcurrency,
        OptionalInt requestsPerMinute,
        OptionalInt tokensPerMinute,
        double priceInPerMillion,
        double priceOutPerMillion,
        String group,
        String chatTemplate) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        baseUrl = Objects.requireNonNullElse(baseUrl, "");
        modelDir = Objects.requireNonNullElse(modelDir, "");
        keyRef = Objects.requireNonNullElse(keyRef, "");
        Objects.requireNonNull(requestsPerMinute);
        Objects.requireNonNull(tokensPerMinute);
        group = Objects.requireNonNullElse(group, "");
        chatTemplate = Objects.requireNonNullElse(chatTemplate, "");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** An endpoint whose chat template (if LOCAL) is detected from its model folder. */
    public Endpoint(long id, String name, EndpointKind kind, String baseUrl, String modelDir, String keyRef,
            int maxConcurrency, OptionalInt requestsPerMinute, OptionalInt tokensPerMinute, double priceInPerMillion,
            double priceOutPerMillion, String group) {
        this(id, name, kind, baseUrl, modelDir, keyRef, maxConcurrency, requestsPerMinute, tokensPerMinute,
                priceInPerMillion, priceOutPerMillion, group, "");
    }

    /** This endpoint with another chat template name (empty: detect). */
    public Endpoint withChatTemplate(String template) {
        return new Endpoint(id, name, kind, baseUrl, modelDir, keyRef, maxConcurrency, requestsPerMinute,
                tokensPerMinute, priceInPerMillion, priceOutPerMillion, group, template);
    }

    /** The chosen chat template name, or empty when it is to be detected from the model folder. */
    public Optional<String> chatTemplateName() {
        return chatTemplate.isEmpty() ? Optional.empty() : Optional.of(chatTemplate);
    }

    /** An OpenAI-compatible endpoint with default limits (8 in flight, no rate limits, free). */
    public static Endpoint openAi(String name, String baseUrl, String keyRef) {
        return new Endpoint(0, name, EndpointKind.OPENAI, baseUrl, "", keyRef, 8, OptionalInt.empty(),
                OptionalInt.empty(), 0, 0, "");
    }

    public Optional<String> groupName() {
        return group.isEmpty() ? Optional.empty() : Optional.of(group);
    }

    /** Money for the given token counts. */
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * priceInPerMillion + completionTokens * priceOutPerMillion) / 1_000_000.0;
    }
}
