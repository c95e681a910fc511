package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.Usage;
import java.util.List;

/**
 * A loopback OpenAI-compatible server scripted for Star-Agents by request content, over the tiny model's words:
 * model {@code rewriter} echoes the instruction back, {@code good} answers {@code word0 word1 word2 word3} (IFD
 * below 1 on the tiny model for the seed instructions used here), {@code weak} answers {@code the the the the}
 * (IFD well above 1: dropped), and {@code judge} rates answers with {@code word0} 8 and the rest 3. So the pair whose
 * responder is {@code good} wins every seed it is drawn for, by construction.
 */
public final class StarAgentsLoopback extends ScriptedChatLoopback {

    /** Seed instructions whose IFD with the good answer is below 1 on the tiny model (no template, 64 tokens). */
    public static final List<String> INSTRUCTIONS = List.of("the cat sat on the mat", "see the big dog",
            "the sun shines over the hill", "we like the river");
    public static final String GOOD_ANSWER = "word0 word1 word2 word3";
    public static final String WEAK_ANSWER = "the the the the";
    /** Seed samples of {@link #setUpProject}: each instruction three times, with three originals. */
    public static final int SEEDS = 12;
    static final List<String> ORIGINALS = List.of("the sun shines .", "the the the the", "the cat sat on the mat .");

    public StarAgentsLoopback() {
        super(new Usage(20, 5));
    }

    @Override
    protected String answer(JsonNode body, String raw) {
        String user = lastMessage(body);
        return switch (body.path("model").asText()) {
            case "rewriter" -> user;
            case "good" -> GOOD_ANSWER;
            case "weak" -> WEAK_ANSWER;
            case "judge" -> user.contains("word0") ? "Clear and correct.\nRating: [[8]]" : "Poor.\nRating: [[3]]";
            default -> null;
        };
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
        long endpoint = addEndpoint(store, baseUrl);
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
