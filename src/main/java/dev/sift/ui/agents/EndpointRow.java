package dev.sift.ui.agents;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import java.math.BigDecimal;
import java.util.OptionalInt;

/** One endpoint as the endpoint table shows it. The key column holds the reference, never a key. */
public record EndpointRow(Endpoint endpoint) {

    static final String NONE = "—";

    public long id() {
        return endpoint.id();
    }

    public String name() {
        return endpoint.name();
    }

    public String kind() {
        return endpoint.kind() == EndpointKind.OPENAI ? "OpenAI-compatible" : "In-process ONNX";
    }

    /** The base URL, or the model folder of an in-process endpoint. */
    public String location() {
        return endpoint.kind() == EndpointKind.OPENAI ? endpoint.baseUrl() : endpoint.modelDir();
    }

    public String keyRef() {
        return endpoint.keyRef().isEmpty() ? "no key" : endpoint.keyRef();
    }

    public String maxConcurrency() {
        return Integer.toString(endpoint.maxConcurrency());
    }

    public String requestsPerMinute() {
        return limit(endpoint.requestsPerMinute());
    }

    public String tokensPerMinute() {
        return limit(endpoint.tokensPerMinute());
    }

    public String priceIn() {
        return price(endpoint.priceInPerMillion());
    }

    public String priceOut() {
        return price(endpoint.priceOutPerMillion());
    }

    public String group() {
        return endpoint.group().isEmpty() ? NONE : endpoint.group();
    }

    private static String limit(OptionalInt limit) {
        return limit.isPresent() ? String.format("%,d", limit.getAsInt()) : NONE;
    }

    /** Plain decimal without trailing zeros: 0.15, 2, 0.075. */
    static String price(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
