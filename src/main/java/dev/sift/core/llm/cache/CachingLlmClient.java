package dev.sift.core.llm.cache;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.LlmCall;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.LlmCallStore;
import dev.sift.core.store.NewLlmCall;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Answers repeated chat requests from the project's call log and logs every call, for one endpoint
 * and one run. Put it outermost, around the retry, rate-limit and budget decorators, so that a cache
 * hit spends no budget and no rate-limit slot and a logged row is one logical call (after retries).
 *
 * <p><b>chat / stream.</b> The cache key is {@link CanonicalRequest} (model, messages, parameters and
 * the endpoint's group or name). With {@link CacheMode#ON} and a successful answer already logged
 * under that key, the answer is returned without calling the delegate and a {@code cached} row with
 * zero tokens and zero cost is logged. Otherwise the delegate is called and, as soon as it returns,
 * an {@code ok} row (response, usage, cost from the endpoint's prices, latency) or an {@code error}
 * row (the failure's message, with anything credential-shaped removed) is written; a crash therefore
 * loses at most the calls in flight. Errors are never served from the cache. A streamed answer from
 * the cache reaches the listener as one delta per choice.
 *
 * <p><b>Failures.</b> The delegate's {@link LlmException} is rethrown (with a redacted message when
 * redaction changed it). When the log cannot be written the call fails with kind
 * {@link LlmException.Kind#REFUSED}: without the log, spending could be neither cached nor counted,
 * so the run must stop.
 *
 * <p>{@code models()}, {@code score()}, {@code tokenize()} and {@code promptLogprobs()} are passed through,
 * neither cached nor logged yet.
 * Thread-safe; two identical requests in flight at once both reach the delegate.
 */
public final class CachingLlmClient implements LlmClient {

    private final LlmClient delegate;
    private final LlmCallStore calls;
    private final Endpoint endpoint;
    private final long runId;
    private final CacheMode mode;
    private final String scope;

    /**
     * @param endpoint the endpoint the delegate talks to: its id, prices and cache scope are used
     * @param runId the run the calls are made for, or 0
     */
    public CachingLlmClient(LlmClient delegate, LlmCallStore calls, Endpoint endpoint, long runId, CacheMode mode) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.runId = runId;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.scope = CanonicalRequest.scopeOf(endpoint);
    }

    @Override
    public List<String> models() throws LlmException {
        return delegate.models();
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return call(request, () -> delegate.chat(request), null);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return call(request, () -> delegate.stream(request, listener), listener);
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return delegate.score(request);
    }

    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return delegate.tokenize(model, text, addSpecialTokens);
    }

    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return delegate.promptLogprobs(model, prompts);
    }

    @FunctionalInterface
    private interface Call {
        ChatResponse make() throws LlmException;
    }

    private ChatResponse call(ChatRequest request, Call call, StreamListener listener) throws LlmException {
        CanonicalRequest key = CanonicalRequest.of(request, scope);
        Optional<ChatResponse> cached = mode == CacheMode.ON ? lookUp(key) : Optional.empty();
        if (cached.isPresent()) {
            ChatResponse response = cached.get();
            record(row(key, request, ChatResponseCodec.toJson(response), LlmCallStatus.CACHED, OptionalInt.empty(), 0,
                    Usage.NONE, ""), null);
            if (listener != null) {
                replay(response, listener);
            }
            return response;
        }
        long started = System.nanoTime();
        ChatResponse response;
        try {
            response = call.make();
        } catch (LlmException e) {
            String message = Redaction.redact(Objects.requireNonNullElse(e.getMessage(), e.kind().name()));
            OptionalInt status = e.httpStatus() == 0 ? OptionalInt.empty() : OptionalInt.of(e.httpStatus());
            record(row(key, request, "", LlmCallStatus.ERROR, status, elapsedMillis(started), Usage.NONE, message), e);
            throw message.equals(e.getMessage()) ? e
                    : new LlmException(e.kind(), message, e.httpStatus(), e.retryAfter().orElse(null), e.getCause());
        }
        OptionalInt status = endpoint.kind() == EndpointKind.OPENAI ? OptionalInt.of(200) : OptionalInt.empty();
        record(row(key, request, ChatResponseCodec.toJson(response), LlmCallStatus.OK, status, elapsedMillis(started),
                response.usage(), ""), null);
        return response;
    }

    private Optional<ChatResponse> lookUp(CanonicalRequest key) throws LlmException {
        Optional<LlmCall> hit;
        try {
            hit = calls.findLatestOk(key.hash());
        } catch (StoreException e) {
            throw logUnavailable(e, null);
        }
        try {
            return hit.map(call -> ChatResponseCodec.fromJson(call.responseJson()));
        } catch (IllegalArgumentException corrupt) {
            return Optional.empty(); // an unreadable row is a miss; the fresh answer is logged after it
        }
    }

    /** A log row; tokens and cost are the usage's for OK rows and zero otherwise. */
    private NewLlmCall row(CanonicalRequest key, ChatRequest request, String responseJson, LlmCallStatus status,
            OptionalInt httpStatus, long latencyMillis, Usage usage, String error) {
        long in = usage.promptTokens();
        long out = usage.completionTokens();
        return new NewLlmCall(key.hash(), runId, endpoint.id(), request.model(), key.json(), responseJson, status,
                httpStatus, latencyMillis, in, out, endpoint.cost(in, out), error);
    }

    private void record(NewLlmCall row, LlmException failure) throws LlmException {
        try {
            calls.record(row);
        } catch (StoreException e) {
            throw logUnavailable(e, failure);
        }
    }

    private static LlmException logUnavailable(StoreException e, LlmException failure) {
        var refused = new LlmException(LlmException.Kind.REFUSED,
                "Stopped: the call log in the project cannot be written (" + e.getMessage() + ")", 0, null, e);
        if (failure != null) {
            refused.addSuppressed(failure);
        }
        return refused;
    }

    private static void replay(ChatResponse response, StreamListener listener) {
        List<Choice> choices = response.choices();
        for (int i = 0; i < choices.size(); i++) {
            listener.onDelta(i, choices.get(i).text());
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
