package dev.sift.core.llm;

import dev.sift.core.llm.LlmException.Kind;
import java.util.List;

/**
 * Talks to one model server. Implementations are thread-safe; every method blocks until the answer is
 * complete and honours thread interruption by aborting the call in flight (and then throwing
 * {@link LlmException} of kind TRANSIENT with an interrupted cause, leaving the interrupt flag set).
 * A single call makes a single attempt: retries, rate limits, caching and cost belong to decorators.
 */
public interface LlmClient {

    /** The model ids the server lists. */
    List<String> models() throws LlmException;

    ChatResponse chat(ChatRequest request) throws LlmException;

    /** Streams the completion to {@code listener} and returns the assembled response. */
    ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException;

    /**
     * Teacher-forced scoring of a continuation.
     *
     * @throws LlmException of kind UNSUPPORTED, early and naming the server, when it cannot return
     *     prompt-token log-probs
     */
    ScoreResult score(ScoreRequest request) throws LlmException;

    /**
     * The ids the model's own tokenizer gives {@code text}, for token-level scoring.
     *
     * @param addSpecialTokens whether the tokenizer adds its special tokens (the BOS token of LLaMA-style
     *     models); when false none are added
     * @throws LlmException of kind UNSUPPORTED, naming the server, when it cannot tokenize; this default
     *     always throws it
     */
    default Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        throw tokenLevelUnsupported("tokenize text");
    }

    /**
     * Teacher-forced log-probs of token-id sequences, sent as they are (no template, no tokenizing):
     * for each prompt, {@code logprob[t] = ln p(ids[t] | ids[0..t-1])} for {@code t >= 1}, and
     * {@code logprob[0] = NaN}. Every prompt needs at least one token and must leave room for one
     * generated token in the model's window. The prompts may be sent as one batch.
     *
     * @throws LlmException of kind UNSUPPORTED, naming the server, when it cannot return prompt-token
     *     log-probs for token ids; this default always throws it
     */
    default List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        throw tokenLevelUnsupported("return log-probs of token-id prompts");
    }

    private LlmException tokenLevelUnsupported(String what) {
        return new LlmException(Kind.UNSUPPORTED, getClass().getSimpleName() + " cannot " + what
                + "; use a vLLM endpoint or an in-process model to score tokens");
    }
}
