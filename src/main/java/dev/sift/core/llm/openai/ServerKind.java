package dev.sift.core.llm.openai;

/** The OpenAI-compatible servers Sift knows by name, with the port each listens on by default. */
public enum ServerKind {
    OLLAMA("Ollama", 11434),
    LLAMA_CPP("llama.cpp server", 8080),
    VLLM("vLLM", 8000),
    LM_STUDIO("LM Studio", 1234),
    SGLANG("SGLang", 30000),
    /** Answers like an OpenAI-compatible server but did not say which. */
    UNKNOWN("OpenAI-compatible server", 0);

    private final String displayName;
    private final int defaultPort;

    ServerKind(String displayName, int defaultPort) {
        this.displayName = displayName;
        this.defaultPort = defaultPort;
    }

    public String displayName() {
        return displayName;
    }

    /** The port the server uses unless told otherwise; 0 for {@link #UNKNOWN}. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether the server can return prompt-token log-probs, as far as is known (vLLM and SGLang can). */
    public boolean scoresPrompts() {
        return this == VLLM || this == SGLANG;
    }
}
