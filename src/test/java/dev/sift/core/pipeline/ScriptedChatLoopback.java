package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.cache.CachingLlmClient;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * What the recipes' loopback OpenAI-compatible servers share: the scripted server, the calls counted per model, the
 * scripted failures (HTTP 400, not retried) and the {@code loopback} endpoint of a test project. A subclass scripts
 * the answer to each chat request; a request it has no answer for gets HTTP 404.
 */
public abstract class ScriptedChatLoopback implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();
    private final Usage usage;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger failingAny = new AtomicInteger();

    /** @param usage the token usage every answer reports */
    protected ScriptedChatLoopback(Usage usage) {
        this.usage = usage;
        server.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Answers the next {@code count} calls for {@code model} with HTTP 400 (not retried). */
    public void failNext(String model, int count) {
        failures.put(model, new AtomicInteger(count));
    }

    /** Answers the next {@code count} calls, whatever their model, with HTTP 400 (not retried). */
    protected void failNextAny(int count) {
        failingAny.set(count);
    }

    /** How many chat calls reached the server for a model. */
    public int calls(String model) {
        return calls.getOrDefault(model, new AtomicInteger()).get();
    }

    /** How many chat calls reached the server. */
    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * The text answering a chat request, or null when it is not scripted.
     *
     * @param body the request body
     * @param raw the request body as sent
     */
    protected abstract String answer(JsonNode body, String raw);

    /** The text of the last message of a request. */
    protected static String lastMessage(JsonNode body) {
        JsonNode messages = body.path("messages");
        return messages.path(messages.size() - 1).path("content").asText();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Adds the endpoint {@code loopback} at {@code baseUrl} to the project; returns its id. */
    public static long addEndpoint(ProjectStore store, String baseUrl) throws StoreException {
        return store.endpoints().add(new Endpoint(0, "loopback", EndpointKind.OPENAI, baseUrl, "", "", 4,
                OptionalInt.empty(), OptionalInt.empty(), 1.0, 2.0, "")).id();
    }

    /** The clients of run {@code runId} through the project's {@code loopback} endpoint, the call cache bound to the run. */
    public static AgentClients cachedClients(ProjectStore store, long runId) throws StoreException {
        Endpoint endpoint = store.endpoints().findByName("loopback").orElseThrow();
        var http = new OpenAiCompatibleClient(endpoint.baseUrl(), Optional.empty(), endpoint.name());
        return agent -> new CachingLlmClient(http, store.llmCalls(), endpoint, runId, CacheMode.ON);
    }

    private MockResponse respond(RecordedRequest request) {
        String raw = request.getBody() == null ? "{}" : request.getBody().utf8();
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{}").build();
        }
        String model = body.path("model").asText();
        calls.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failing = failures.get(model);
        if (failingAny.getAndDecrement() > 0 || failing != null && failing.getAndDecrement() > 0) {
            return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"scripted failure\"}}").build();
        }
        String text = answer(body, raw);
        if (text == null) {
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"not scripted for model " + model + "\"}}").build();
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(ScriptedOpenAiServer.chatCompletion(List.of(text), usage)).build();
    }
}
