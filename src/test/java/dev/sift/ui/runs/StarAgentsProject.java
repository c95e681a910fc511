package dev.sift.ui.runs;

import dev.sift.core.pipeline.StarAgentsLoopback;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;

/**
 * A project for Star-Agents runs against {@link StarAgentsLoopback}: the 12-seed dataset "seed", the endpoint
 * "loopback" (prices 1 and 2 per million tokens), agents rewriter, keeper, good, weak, judge, and the pairs good
 * (rewriter → good), weak (rewriter → weak) and direct (keeper → weak).
 */
final class StarAgentsProject {

    static final int SEEDS = StarAgentsLoopback.SEEDS;

    private StarAgentsProject() {}

    static void setUp(ProjectStore store, String baseUrl) throws Exception {
        StarAgentsLoopback.setUpProject(store, baseUrl);
    }

    /** The committed tiny ONNX model's folder, used as both scorers. */
    static Path tinyModel() throws Exception {
        return Path.of(StarAgentsProject.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent();
    }
}
