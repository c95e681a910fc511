package dev.sift.core.llm.openai;

import java.util.List;
import java.util.Objects;

/**
 * A model server found on this machine.
 *
 * @param baseUrl ready for {@link OpenAiCompatibleClient}, e.g. {@code http://127.0.0.1:11434/v1}
 * @param models the ids it lists (may be empty: llama.cpp lists the one it loaded, Ollama what is pulled)
 */
public record DetectedServer(ServerKind kind, String baseUrl, List<String> models) {
    public DetectedServer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        models = List.copyOf(models);
    }
}
