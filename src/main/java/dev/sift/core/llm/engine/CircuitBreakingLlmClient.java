package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import java.util.List;
import java.util.Objects;

/**
 * Guards one endpoint with a {@link CircuitBreaker}: while it is open, calls fail at once with a
 * REFUSED {@link CircuitOpenException} ("endpoint X is not answering: circuit open until …") instead
 * of waiting for timeouts. Every attempt that passes through is counted: TRANSIENT failures against
 * the breaker; answers, including PERMANENT and UNSUPPORTED failures, for it; interruptions and
 * REFUSED failures from further in (the budget) not at all.
 *
 * <p>Threading: thread-safe. Blocking: only as long as the wrapped client; a refusal never blocks.
 */
public final class CircuitBreakingLlmClient implements LlmClient {

    private final LlmClient delegate;
    private final CircuitBreaker breaker;

    public CircuitBreakingLlmClient(LlmClient delegate, CircuitBreaker breaker) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public List<String> models() throws LlmException {
        return guard(delegate::models);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return guard(() -> delegate.chat(request));
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return guard(() -> delegate.stream(request, listener));
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return guard(() -> delegate.score(request));
    }

    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return guard(() -> delegate.tokenize(model, text, addSpecialTokens));
    }

    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return guard(() -> delegate.promptLogprobs(model, prompts));
    }

    private <T> T guard(LlmCall<T> call) throws LlmException {
        breaker.acquire();
        T result;
        try {
            result = call.call();
        } catch (LlmException e) {
            if (Interruptions.isInterruption(e) || e.kind() == LlmException.Kind.REFUSED) {
                breaker.onAbandoned();
            } else if (e.isTransient()) {
                breaker.onFailure(e.getMessage());
            } else {
                breaker.onSuccess();
            }
            throw e;
        } catch (RuntimeException | Error e) {
            breaker.onAbandoned();
            throw e;
        }
        breaker.onSuccess();
        return result;
    }
}
