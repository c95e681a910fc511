package dev.sift.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.SiftContext;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
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
 * Writes PNGs of the Datasets screen on the sample project and of the Agents screen beside it
 * ({@code agents.png}), for the documentation. Runs only with
 * {@code -Dsift.screenshot=<absolute path>/docs/screenshots/datasets.png}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "sift.screenshot", matches = ".+")
class ScreenshotUiTest {

    @TempDir
    Path config;

    private Stage stage;
    private Workbench workbench;
    private SiftContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new SiftContext(config);
        workbench = Workbench.open(stage, context, UiSettings.load(config), owner -> new ScriptedDialogService(), List.of());
    }

    @Test
    void datasetsScreenOnTheSampleProject(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.workspace().selectedDataset().isPresent()
                && workbench.runningJobs().list().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Integer> table = robot.from(stage.getScene().getRoot()).lookup("#sample-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(2));
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS); // let the chart and layout settle
        WaitForAsyncUtils.waitForFxEvents();

        Path target = Path.of(System.getProperty("sift.screenshot"));
        snapshot(robot, target);

        // The Agents screen beside it, with an endpoint, two agents and a pair defined.
        var store = workbench.workspace().store().orElseThrow();
        var endpoint = store.endpoints().add(new Endpoint(0, "vllm-a100", EndpointKind.OPENAI,
                "http://127.0.0.1:8000/v1", "", "", 64, OptionalInt.empty(), OptionalInt.empty(), 0, 0, "gpu-pool"));
        store.endpoints().add(Endpoint.openAi("openai", "https://api.openai.com/v1", "env:OPENAI_API_KEY"));
        var rewriter = store.agents().add(new Agent(0, "rewriter", endpoint.id(), "", "Qwen2.5-7B-Instruct",
                AgentRole.INSTRUCTION_REWRITER, "Rewrite the instruction to be clearer and harder.", "{\"temperature\":0.7}"));
        var answerer = store.agents().add(new Agent(0, "answerer", endpoint.id(), "", "Qwen2.5-7B-Instruct",
                AgentRole.RESPONDER, "Answer helpfully and precisely.", "{\"temperature\":0.3,\"max_tokens\":1024}"));
        store.agents().addPair(new AgentPair(0, "rewrite+answer", rewriter.id(), answerer.id()));
        robot.clickOn("#nav-agents");
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path agents = target.resolveSibling("agents.png");
        snapshot(robot, agents);
        robot.interact(workbench::close);
        context.close();

        assertThat(target).isNotEmptyFile();
        assertThat(agents).isNotEmptyFile();
    }

    private void snapshot(FxRobot robot, Path target) throws Exception {
        var image = new AtomicReference<WritableImage>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", target.toFile());
    }
}
