package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI-compatible server scripted for Star-Agents by request content, over the tiny model's words:
 * model {@code rewriter} echoes the instruction back, {@code good} answers {@code word0 word1 word2 word3} (IFD
 * below 1 on the tiny model for the seed instructions used here), {@code weak} answers {@code the the the the}
 * (IFD well above 1: dropped), and {@code judge} rates answers with {@code word0} 8 and the rest 3. So the pair whose
 * responder is {@code good} wins every seed it is drawn for, by construction.
 */
public final class StarAgentsLoopback implements AutoCloseable {

    /** Seed instructions whose IFD with the good answer is below 1 on the tiny model (no template, 64 tokens). */
    public static final List<String> INSTRUCTIONS = List.of("the cat sat on the mat", "see the big dog",
            "the sun shines over the hill", "we like the river");
    public static final String GOOD_ANSWER = "word0 word1 word2 word3";
    public static final String WEAK_ANSWER = "the the the the";
    /** Seed samples of {@link #setUpProject}: each instruction three times, with three originals. */
    public static final int SEEDS = 12;
    static final List<String> ORIGINALS = List.of("the sun shines .", "the the the the", "the cat sat on the mat .");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public StarAgentsLoopback() {
        server.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
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

    /** How many chat calls reached the server for a model. */
    public int calls(String model) {
        return calls.getOrDefault(model, new AtomicInteger()).get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private MockResponse answer(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{}").build();
        }
        String model = body.path("model").asText();
        calls.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failing = failures.get(model);
        if (failing != null && failing.getAndDecrement() > 0) {
            return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"scripted failure\"}}").build();
        }
        JsonNode messages = body.path("messages");
        String user = messages.get(messages.size() - 1).path("content").asText();
        String text = switch (model) {
            case "rewriter" -> user;
            case "good" -> GOOD_ANSWER;
            case "weak" -> WEAK_ANSWER;
            case "judge" -> user.contains("word0") ? "Clear and correct.\nRating: [[8]]" : "Poor.\nRating: [[3]]";
            default -> "";
        };
        if (text.isEmpty()) {
            return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no model " + model + "\"}}")
                    .build();
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(ScriptedOpenAiServer.chatCompletion(List.of(text), new Usage(20, 5))).build();
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * A project set up against this server at {@code baseUrl}: the seed dataset, the agents (rewriter, keeper, good,
     * weak, judge), and the pairs good, weak and direct (response-only by configuration).
     */
    public static void setUpProject(dev.sift.core.store.ProjectStore store, String baseUrl) throws Exception {
        store.datasets().importDataset(new dev.sift.core.store.NewDataset("seed", "seed.jsonl",
                dev.sift.core.model.DatasetFormat.ALPACA_JSONL), sink -> {
                    for (int i = 0; i < SEEDS; i++) {
                        sink.add(i, dev.sift.core.model.SampleContent.single(INSTRUCTIONS.get(i % 4), "",
                                ORIGINALS.get(i / 4)));
                    }
                });
        long endpoint = store.endpoints().add(new dev.sift.core.model.Endpoint(0, "loopback",
                dev.sift.core.model.EndpointKind.OPENAI, baseUrl, "", "", 4, java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty(), 1.0, 2.0, "")).id();
        long rewriter = agent(store, endpoint, "rewriter", "rewriter", dev.sift.core.model.AgentRole.INSTRUCTION_REWRITER);
        long keeper = agent(store, endpoint, "keeper", "rewriter", dev.sift.core.model.AgentRole.INSTRUCTION_REWRITER);
        long good = agent(store, endpoint, "good", "good", dev.sift.core.model.AgentRole.RESPONDER);
        long weak = agent(store, endpoint, "weak", "weak", dev.sift.core.model.AgentRole.RESPONDER);
        agent(store, endpoint, "judge", "judge", dev.sift.core.model.AgentRole.JUDGE);
        store.agents().addPair(new dev.sift.core.model.AgentPair(0, "good", rewriter, good));
        store.agents().addPair(new dev.sift.core.model.AgentPair(0, "weak", rewriter, weak));
        store.agents().addPair(new dev.sift.core.model.AgentPair(0, "direct", keeper, weak));
    }

    private static long agent(dev.sift.core.store.ProjectStore store, long endpoint, String name, String model,
            dev.sift.core.model.AgentRole role) throws Exception {
        return store.agents().add(new dev.sift.core.model.Agent(0, name, endpoint, "", model, role, "",
                "{\"max_tokens\":16}")).id();
    }
}
