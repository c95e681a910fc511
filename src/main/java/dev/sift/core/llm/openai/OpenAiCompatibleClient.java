package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.openai.Json.BadReply;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;

/**
 * An {@link LlmClient} for OpenAI-compatible servers: vLLM, SGLang, llama.cpp server, Ollama, LM
 * Studio and hosted APIs.
 *
 * <p><b>Threading.</b> Thread-safe; share one instance per endpoint. Every method blocks the calling
 * thread until the answer is complete. Interrupting that thread cancels the HTTP call in flight and
 * the method throws {@link LlmException} of kind TRANSIENT whose cause is the
 * {@link InterruptedException}, with the thread's interrupt flag still set. Stream listeners are
 * called on the calling thread.
 *
 * <p><b>Attempts.</b> One call is one attempt (retries belong to decorators), except where the
 * server lacks a feature: {@code n > 1} falls back to n single requests, and scoring tries
 * {@code echo} and then {@code prompt_logprobs}. What the server lacks is remembered per instance.
 * Token-level scoring ({@link #tokenize}, {@link #promptLogprobs}) needs vLLM and sends exactly one
 * request per call.
 *
 * <p><b>Errors.</b> 408, 409, 429, 5xx, resets and timeouts are TRANSIENT (429 and 503 carry
 * {@code Retry-After}); other 4xx and unusable answers are PERMANENT; scoring on a server that cannot
 * is UNSUPPORTED. Messages name the endpoint's display name and base URL, never the API key.
 *
 * <p><b>Resources.</b> All instances share one OkHttp connection pool and dispatcher; there is
 * nothing to close.
 */
public final class OpenAiCompatibleClient implements LlmClient {

    private static final String CHAT = "/chat/completions";
    private static final String MODELS = "/models";

    private final HttpCalls calls;
    private final HttpErrors errors;
    private final ChoiceFanOut fanOut = new ChoiceFanOut();
    private final EchoScorer scorer;
    private final TokenLevelScorer tokens;

    /**
     * @param baseUrl the API root including its version, e.g. {@code http://127.0.0.1:8000/v1}
     * @param apiKey the key itself, already resolved by the caller; sent as a bearer token only
     * @param displayName how messages name this endpoint, e.g. "vLLM on gpu-box"
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OpenAiCompatibleClient(String baseUrl, Optional<String> apiKey, String displayName, HttpTimeouts timeouts) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(displayName, "displayName");
        String base = normalise(baseUrl);
        this.errors = new HttpErrors(new EndpointRef(displayName, base), apiKey, Clock.systemUTC());
        var http = SharedHttpClient.withTimeouts(timeouts);
        this.calls = new HttpCalls(http, base, apiKey, errors);
        this.scorer = new EchoScorer(calls);
        this.tokens = new TokenLevelScorer(calls, new HttpCalls(http, TokenLevelScorer.rootOf(base), apiKey, errors));
    }

    /** With {@link HttpTimeouts#defaults()}. */
    public OpenAiCompatibleClient(String baseUrl, Optional<String> apiKey, String displayName) {
        this(baseUrl, apiKey, displayName, HttpTimeouts.defaults());
    }

    private static String normalise(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (HttpUrl.parse(base) == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return base;
    }

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return errors.ref().baseUrl();
    }

    @Override
    public List<String> models() throws LlmException {
        JsonNode root = expectJson("GET " + MODELS, calls.get(MODELS));
        try {
            return List.copyOf(OpenAiResponseParser.modelIds(root));
        } catch (BadReply e) {
            throw errors.malformed("GET " + MODELS, e.getMessage());
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return fanOut.collect(request, (req, n, seed, offset) -> chatOnce(req, n, seed));
    }

    private ChatResponse chatOnce(ChatRequest request, int n, OptionalLong seed) throws LlmException {
        String what = "POST " + CHAT;
        JsonNode root = expectJson(what, calls.post(CHAT, OpenAiRequestWriter.chat(request, n, seed, false)));
        try {
            return OpenAiResponseParser.chat(root, request.model());
        } catch (BadReply e) {
            throw errors.malformed(what, e.getMessage());
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Asks for usage in the last chunk. An error event or error object inside the stream fails the
     * call with the server's message; a stream that ends without {@code [DONE]} and without a finish
     * reason for every choice fails TRANSIENT ("stream ended early"). Deltas already delivered are
     * not taken back.
     */
    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        Objects.requireNonNull(listener, "listener");
        return fanOut.collect(request, (req, n, seed, offset) -> streamOnce(req, n, seed, offset, listener));
    }

    private ChatResponse streamOnce(ChatRequest request, int n, OptionalLong seed, int indexOffset,
            StreamListener listener) throws LlmException {
        String what = "streaming POST " + CHAT;
        StreamAssembler assembler = new StreamAssembler(listener, indexOffset);
        boolean done = false;
        try (SseStream stream = calls.postForEvents(CHAT, OpenAiRequestWriter.chat(request, n, seed, true))) {
            SseEvent event;
            while ((event = stream.next()) != null) {
                if (event.isDone()) {
                    done = true;
                    break;
                }
                Optional<JsonNode> chunk = Json.tryParse(event.data());
                if (event.isError()) {
                    throw errors.errorObject(what, chunk.map(c -> c.has("error") ? c.get("error") : c)
                            .orElse(Json.MAPPER.getNodeFactory().textNode(event.data())));
                }
                if (chunk.isEmpty() || !chunk.get().isObject()) {
                    throw errors.malformed(what, "sent a chunk that is not a JSON object");
                }
                JsonNode error = chunk.get().get("error");
                if (error != null && !error.isNull()) {
                    throw errors.errorObject(what, error);
                }
                assembler.accept(chunk.get());
            }
        }
        if (!done && !assembler.allFinished()) {
            throw errors.truncated(what);
        }
        if (!assembler.hasChoices()) {
            throw errors.malformed(what, "answered with no choices");
        }
        return assembler.result(request.model());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses {@code /completions} with {@code echo} + {@code logprobs}, or vLLM's
     * {@code prompt_logprobs}; the continuation's tokens are found by character offset (it starts at
     * the prompt's length). The first call on a server that can do neither throws UNSUPPORTED and
     * every later call throws it again without a request.
     */
    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return scorer.score(request);
    }

    /**
     * {@inheritDoc}
     *
     * <p>vLLM's {@code POST /tokenize} at the server's root (the base URL without {@code /v1}), which
     * also reports {@code max_model_len}. Any other server fails UNSUPPORTED on the first call, and
     * every later call throws it again without a request.
     */
    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return tokens.tokenize(model, text, addSpecialTokens);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code /completions} request with the prompts as token-id lists, {@code max_tokens: 1} and
     * vLLM's {@code prompt_logprobs: 0}. A server that lacks it fails UNSUPPORTED as {@link #tokenize} does.
     */
    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return tokens.promptLogprobs(model, prompts);
    }

    private JsonNode expectJson(String what, HttpReply reply) throws LlmException {
        if (!reply.isSuccessful()) {
            throw errors.status(what, reply);
        }
        JsonNode root;
        try {
            root = Json.parse(reply.body());
        } catch (BadReply e) {
            throw errors.malformed(what, e.getMessage());
        }
        JsonNode error = root.isObject() ? OpenAiResponseParser.errorIn(root) : null;
        if (error != null) {
            throw errors.errorObject(what, error);
        }
        return root;
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleClient[" + errors.ref() + "]";
    }
}
