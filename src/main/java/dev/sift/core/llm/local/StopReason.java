package dev.sift.core.llm.local;

/** Why {@link OnnxCausalLm#generate} stopped. */
public enum StopReason {
    /** The model produced a stop token (end of sequence by default); it is not part of the output. */
    STOP_TOKEN,
    /** The text contained a stop string; the text is cut before it. */
    STOP_STRING,
    /** {@link GenerationSettings#maxNewTokens()} tokens were produced. */
    MAX_TOKENS
}
