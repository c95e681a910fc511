package dev.sift.core.llm.engine;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import java.util.OptionalInt;

/** Endpoints for the engine tests. */
final class Endpoints {

    private Endpoints() {}

    static Endpoint endpoint(String name, int maxConcurrency) {
        return withLimits(name, maxConcurrency, OptionalInt.empty(), OptionalInt.empty());
    }

    static Endpoint withLimits(String name, int maxConcurrency, OptionalInt rpm, OptionalInt tpm) {
        return new Endpoint(0, name, EndpointKind.OPENAI, "http://127.0.0.1:8000/v1", "", "", maxConcurrency, rpm, tpm,
                0, 0, "");
    }

    /** Priced per million tokens: {@code in} for prompt, {@code out} for completion. */
    static Endpoint priced(String name, double in, double out) {
        return new Endpoint(0, name, EndpointKind.OPENAI, "https://api.example.com/v1", "", "env:API_KEY", 8,
                OptionalInt.empty(), OptionalInt.empty(), in, out, "");
    }
}
