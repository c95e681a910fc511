package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks the {@link Budget} before each call to one endpoint and records the call in the budget's
 * {@link CostMeter} after it. The check uses the {@link TokenEstimator}'s estimate; the record uses the
 * server's reported usage, or the estimate of the prompt and of the text received when the server
 * reports none (so a server without usage still counts against a token cap). Listing models and
 * tokenizing text are neither checked nor counted; prompt log-probs of token ids count their exact
 * prompt tokens and one completion token per prompt.
 *
 * <p>Threading: thread-safe. Blocking: as long as the wrapped client; a refusal never blocks.
 */
public final class MeteredLlmClient implements LlmClient {

    private final LlmClient delegate;
    private final Endpoint endpoint;
    private final Budget budget;
    private final TokenEstimator estimator;

    public MeteredLlmClient(LlmClient delegate, Endpoint endpoint, Budget budget, TokenEstimator estimator) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    @Override
    public List<String> models() throws LlmException {
        return delegate.models();
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return meterChat(request, () -> delegate.chat(request));
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return meterChat(request, () -> delegate.stream(request, listener));
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        long prompt = estimator.promptTokens(request);
        return metered(prompt, 0, () -> delegate.score(request), result -> {
            long used = result.promptTokens() + (long) result.continuationTokens().size();
            return new Usage(used > 0 ? used : prompt, 0);
        });
    }

    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return delegate.tokenize(model, text, addSpecialTokens);
    }

    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        long completion = prompts.size();
        long prompt = RateLimitedLlmClient.promptLogprobsTokens(prompts) - completion;
        return metered(prompt, completion, () -> delegate.promptLogprobs(model, prompts),
                result -> new Usage(prompt, completion));
    }

    private ChatResponse meterChat(ChatRequest request, LlmCall<ChatResponse> call) throws LlmException {
        long prompt = estimator.promptTokens(request);
        return metered(prompt, estimator.completionTokens(request), call, response -> {
            Usage usage = response.usage();
            boolean reported = usage.promptTokens() != 0 || usage.completionTokens() != 0;
            return reported ? usage : new Usage(prompt, estimator.completionTokens(response));
        });
    }

    /**
     * Reserves the estimate, makes the call and records it while still holding the reservation, so a
     * concurrent budget check never sees the call as neither reserved nor spent.
     */
    private <T> T metered(long prompt, long completion, LlmCall<T> call, Function<T, Usage> usageOf)
            throws LlmException {
        Budget.Reservation reservation = budget.reserve(endpoint, prompt, completion);
        try {
            T result;
            try {
                result = call.call();
            } catch (LlmException | RuntimeException e) {
                budget.meter().recordFailure(endpoint);
                throw e;
            }
            budget.meter().recordCall(endpoint, usageOf.apply(result));
            return result;
        } finally {
            reservation.close();
        }
    }
}
