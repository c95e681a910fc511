package dev.sift.ui.runs;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.SampleContent;
import dev.sift.core.pipeline.StarAgentsLoopback;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * A project for Star-Agents runs against {@link StarAgentsLoopback}: the 12-seed dataset "seed", the endpoint
 * "loopback" (prices 1 and 2 per million tokens), agents rewriter, keeper, good, weak, judge, and the pairs good
 * (rewriter → good), weak (rewriter → weak) and direct (keeper → weak).
 */
final class StarAgentsProject {

    static final int SEEDS = 12;
    private static final List<String> ORIGINALS = List.of("the sun shines .", "the the the the",
            "the cat sat on the mat .");

    private StarAgentsProject() {}

    static void setUp(ProjectStore store, String baseUrl) throws Exception {
        store.datasets().importDataset(new NewDataset("seed", "seed.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < SEEDS; i++) {
                sink.add(i, SampleContent.single(StarAgentsLoopback.INSTRUCTIONS.get(i % 4), "", ORIGINALS.get(i / 4)));
            }
        });
        long endpoint = store.endpoints().add(new Endpoint(0, "loopback", EndpointKind.OPENAI, baseUrl, "", "", 4,
                OptionalInt.empty(), OptionalInt.empty(), 1.0, 2.0, "")).id();
        long rewriter = agent(store, endpoint, "rewriter", "rewriter", AgentRole.INSTRUCTION_REWRITER);
        long keeper = agent(store, endpoint, "keeper", "rewriter", AgentRole.INSTRUCTION_REWRITER);
        long good = agent(store, endpoint, "good", "good", AgentRole.RESPONDER);
        long weak = agent(store, endpoint, "weak", "weak", AgentRole.RESPONDER);
        agent(store, endpoint, "judge", "judge", AgentRole.JUDGE);
        store.agents().addPair(new AgentPair(0, "good", rewriter, good));
        store.agents().addPair(new AgentPair(0, "weak", rewriter, weak));
        store.agents().addPair(new AgentPair(0, "direct", keeper, weak));
    }

    private static long agent(ProjectStore store, long endpoint, String name, String model, AgentRole role)
            throws Exception {
        return store.agents().add(new Agent(0, name, endpoint, "", model, role, "", "{\"max_tokens\":16}")).id();
    }

    /** The committed tiny ONNX model's folder, used as both scorers. */
    static Path tinyModel() throws Exception {
        return Path.of(StarAgentsProject.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent();
    }
}
