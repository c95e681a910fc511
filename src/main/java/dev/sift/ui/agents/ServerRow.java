package dev.sift.ui.agents;

import dev.sift.core.llm.openai.DetectedServer;

/** A model server found on this machine, as the list of detected servers shows it. */
public record ServerRow(DetectedServer server) {

    public String kind() {
        return server.kind().displayName();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public String models() {
        return server.models().isEmpty() ? "lists no models" : String.join(", ", server.models());
    }

    /** One line for screen readers and tests: "vLLM at http://127.0.0.1:8000/v1: qwen, llama". */
    public String summary() {
        return kind() + " at " + baseUrl() + ": " + models();
    }
}
