package dev.sift.core.model;

/** How an endpoint serves models. */
public enum EndpointKind {
    /** An OpenAI-compatible HTTP server: vLLM, SGLang, llama.cpp server, Ollama, LM Studio, hosted APIs. */
    OPENAI,
    /** An ONNX model folder run in process. */
    LOCAL
}
