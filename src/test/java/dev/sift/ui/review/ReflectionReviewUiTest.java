package dev.sift.ui.review;

import static dev.sift.ui.testsupport.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.cache.CachingLlmClient;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.ReflectionJob;
import dev.sift.core.pipeline.ReflectionLoopback;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Review after a reflection run: the original and its three reflections side by side, each saying which reflection
 * made it, with its IFD and r-IFD badges, and the differences against the original highlighted on request.
 */
class ReflectionReviewUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private static long runId;

    @Start
    void start(Stage stage) throws Exception {
        Path project = dir.resolve("reflected.sift");
        Path tiny = Path.of(getClass().getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI()).getParent();
        try (var server = new ReflectionLoopback(); ProjectStore store = SqliteProjectStore.create(project);
                OnnxCausalLm student = OnnxCausalLm.open(tiny)) {
            ReflectionLoopback.setUpProject(store, server.baseUrl());
            runId = ReflectionJob.createRun(store, store.datasets().findByName("reflect").orElseThrow().id(),
                    ReflectionSpec.fromJson(ReflectionLoopback.config(tiny, ""), "run.json")).id();
            Endpoint endpoint = store.endpoints().findByName("loopback").orElseThrow();
            var http = new OpenAiCompatibleClient(endpoint.baseUrl(), Optional.empty(), endpoint.name());
            new ReflectionJob(runId, store, agent -> new CachingLlmClient(http, store.llmCalls(), endpoint, runId,
                    CacheMode.ON), student).run(TestContext.running());
        }
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), project);
    }

    @Test
    void theOriginalAndItsReflectionsShowSideBySideWithTheirScoresAndDifferences(FxRobot robot) throws Exception {
        opened.show(robot, "review");
        waitUntil(() -> opened.find(robot, "#review-status").queryAs(Label.class).getText().equals("4 of 4 samples"));
        waitUntil(() -> opened.find(robot, "#review-table").queryAs(TableView.class).getSelectionModel()
                .getSelectedIndex() == 0);
        waitUntil(() -> texts(robot, ".candidate-made-by").size() == 4);

        assertThat(texts(robot, ".candidate-made-by")).containsExactly("original", "reflection Q (run " + runId + ")",
                "reflection A (run " + runId + ")", "reflection QA (run " + runId + ")");
        List<String> badges = texts(robot, ".score-badge");
        assertThat(badges).hasSize(8);
        assertThat(badges).filteredOn(b -> b.startsWith("ifd ")).hasSize(4).allMatch(b -> b.contains(" · ppl "));
        assertThat(badges).filteredOn(b -> b.startsWith("rifd ")).hasSize(4).allMatch(b -> b.contains(" · ppl "));
        assertThat(robot.lookup(".candidate-current").queryAllAs(Node.class)).extracting(Node::getId)
                .as("the run chose QA").containsExactly("candidate-4");

        robot.clickOn(opened.find(robot, "#show-differences").queryAs(Node.class));
        waitUntil(() -> !opened.find(robot, ".diff-added").queryAll().isEmpty());
    }

    private List<String> texts(FxRobot robot, String query) {
        return opened.find(robot, query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
