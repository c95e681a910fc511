package dev.sift.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.SiftContext;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.SampleContent;
import dev.sift.core.pipeline.StarAgentsJob;
import dev.sift.core.pipeline.StarAgentsSetup;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes {@code weights.png} beside {@code -Dsift.screenshot}: the agent-pair weights of a real Star-Agents run, every
 * agent and both scorers being the committed tiny model run in process (greedy and sampling responders, with and
 * without a rewriter), shown on the Runs screen.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "sift.screenshot", matches = ".+")
class WeightsScreenshotUiTest {

    private static final String[] WORDS = ("the cat sat on mat dog ran over hill bird flew small blue river we see old"
            + " moon every night big sun shines green tree morning they like fish").split(" ");

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void weightsOfARealRunOnTheTinyModel(FxRobot robot) throws Exception {
        Path tiny = Path.of(getClass().getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI()).getParent();
        Path project = dir.resolve("star.sift");
        var context = new SiftContext(dir.resolve("config"));
        try (ProjectStore store = SqliteProjectStore.create(project); OnnxCausalLm scorer = OnnxCausalLm.open(tiny)) {
            var random = new Random(3);
            store.datasets().importDataset(new NewDataset("seeds", "seeds.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
                for (int i = 0; i < 24; i++) {
                    sink.add(i, SampleContent.single(words(random, 4), "", words(random, 8) + " ."));
                }
            });
            var endpoint = store.endpoints().add(new Endpoint(0, "tiny", EndpointKind.LOCAL, "", tiny.toString(), "", 1,
                    OptionalInt.empty(), OptionalInt.empty(), 0, 0, "", "plain"));
            Agent rewriter = store.agents().add(agent(endpoint, "rewriter", AgentRole.INSTRUCTION_REWRITER, 1.0, 6));
            Agent keep = store.agents().add(agent(endpoint, "keep", AgentRole.INSTRUCTION_REWRITER, 0, 6));
            Agent greedy = store.agents().add(agent(endpoint, "greedy", AgentRole.RESPONDER, 0, 10));
            Agent wild = store.agents().add(agent(endpoint, "wild", AgentRole.RESPONDER, 1.6, 10));
            store.agents().addPair(new AgentPair(0, "rewrite-greedy", rewriter.id(), greedy.id()));
            store.agents().addPair(new AgentPair(0, "rewrite-wild", rewriter.id(), wild.id()));
            store.agents().addPair(new AgentPair(0, "greedy-only", keep.id(), greedy.id()));
            store.agents().addPair(new AgentPair(0, "wild-only", keep.id(), wild.id()));
            var spec = StarAgentsSpec.fromJson("{\"dataset\":\"seeds\",\"pairs\":[\"rewrite-greedy\",\"rewrite-wild\","
                    + "\"greedy-only\",\"wild-only\"],\"responseOnly\":[\"greedy-only\",\"wild-only\"],\"k\":2,"
                    + "\"batchSize\":4,\"rounds\":6,\"beta\":0.3,\"seed\":7,\"smallScorer\":{\"model\":\"" + tiny
                    + "\"},\"largeScorer\":{\"model\":\"" + tiny + "\"},\"ifd\":{\"template\":\"none\",\"maxLength\":64}}",
                    "screenshot run");
            long runId = StarAgentsJob.createRun(store, store.datasets().list().get(0).id(), spec).id();
            var setup = new StarAgentsSetup(a -> context.llm().forAgent(store, a, runId, CacheMode.ON,
                    Budget.unlimited(new CostMeter())), scorer, scorer);
            new StarAgentsJob(runId, store, setup).run(TestContext.running());
            assertThat(store.runs().weights(runId)).hasSize(7);
        }

        var workbench = new AtomicReference<Workbench>();
        robot.interact(() -> workbench.set(Workbench.open(stage, context, UiSettings.load(dir.resolve("config")),
                owner -> new ScriptedDialogService(), List.of(project.toString()))));
        robot.clickOn("#nav-runs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".table-row-cell").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#runs-table .table-row-cell").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#weights-chart").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Path target = Path.of(System.getProperty("sift.screenshot")).resolveSibling("weights.png");
        var image = new AtomicReference<WritableImage>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        Files.createDirectories(target.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", target.toFile());
        robot.interact(() -> workbench.get().close());
        context.close();
        assertThat(target).isNotEmptyFile();
    }

    private static Agent agent(Endpoint endpoint, String name, AgentRole role, double temperature, int maxTokens) {
        return new Agent(0, name, endpoint.id(), "", "tiny", role, "",
                "{\"temperature\":" + temperature + ",\"max_tokens\":" + maxTokens + "}");
    }

    private static String words(Random random, int n) {
        var out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }
}
