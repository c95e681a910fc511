package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.pipeline.AgentInstructLoopback;
import dev.sift.core.seeds.ChunkSettings;
import dev.sift.core.seeds.SeedImportJob;
import dev.sift.core.seeds.SeedImportRequest;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunEvent;
import dev.sift.ui.testsupport.RunsMenu;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The must-show workbench test of AgentInstruct: on a project holding the sample seed documents of
 * {@code datasets/seeds/} and agents that talk to a scripted loopback endpoint, the curator fills the AgentInstruct
 * form on the Runs screen by clicking and typing, launches the run, follows its flows in the run's log, sees it
 * succeed, and finds the new dataset on the workbench with every pair's provenance.
 */
class AgentInstructLaunchUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private AgentInstructLoopback server;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    @Start
    void start(Stage stage) throws Exception {
        server = closeAfter(new AgentInstructLoopback());
        opened = TestWorkbench.openNew(stage, dir, dialogs, "instruct.sift", store -> {
            new SeedImportJob(new SeedImportRequest("samples", List.of(Path.of("datasets", "seeds")),
                    ChunkSettings.defaults()), store).run(TestContext.running());
            AgentInstructLoopback.setUpAgents(store, server.baseUrl());
        });
    }

    @Test
    void aRunLaunchedFromTheFormFillsANewDatasetAndItsLogShowsEachFlow(FxRobot robot) throws Exception {
        opened.show(robot, "runs");
        RunsMenu.openForm(robot, "AgentInstruct run…");

        Label problem = robot.lookup("#ai-problem").queryAs(Label.class);
        assertThat(problem.getText()).contains("field 'skills'");
        robot.clickOn("#ai-skill-reading-comprehension").clickOn("#ai-skill-coding");
        type(robot, "#ai-weight-reading-comprehension", "2");
        assertThat(robot.lookup("#ai-agent-generator").queryComboBox().getValue())
                .as("each role is filled with the project's only agent of that role").isEqualTo("generator");
        type(robot, "#ai-transformationsPerChunk", "1");
        type(robot, "#ai-instructionsPerContent", "1");
        type(robot, "#ai-rounds", "1");
        type(robot, "#ai-suggestions", "2");
        type(robot, "#ai-seed", "5");
        type(robot, "#ai-dataset", "from-the-form");

        assertThat(problem.getText()).isEmpty();
        assertThat(robot.lookup("#ai-estimate").queryAs(Label.class).getText()).startsWith("At most ")
                .contains("suggester", "editor", "responder");
        Button launch = robot.lookup("#ai-launch").queryAs(Button.class);
        assertThat(launch.isDisabled()).isFalse();
        robot.clickOn(launch);

        ProjectStore store = opened.workspace().store().orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).status().equals("succeeded"));
        RunRow row = table.getItems().get(0);
        assertThat(row.recipe()).isEqualTo("agentinstruct");
        assertThat(row.dataset()).isEqualTo("from-the-form");
        for (int attempt = 0; attempt < 5 && table.getSelectionModel().getSelectedItem() == null; attempt++) {
            robot.clickOn(robot.from(table).lookup(".table-row-cell").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null)
                    .findFirst().orElseThrow());
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        }
        @SuppressWarnings("unchecked")
        ListView<RunEvent> log = robot.lookup("#runs-log").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> log.getItems().stream()
                .anyMatch(e -> e.kind().equals("succeeded")));
        assertThat(log.getItems()).anyMatch(e -> e.kind().equals("flow") && e.message().contains("transformed")
                && e.message().contains("refined") && e.message().contains("answered"));

        var dataset = opened.workspace().datasets().stream().filter(d -> d.name().equals("from-the-form"))
                .findFirst();
        assertThat(dataset).as("the new dataset is listed").isPresent();
        var pairs = store.instruct().pairs(row.id());
        assertThat(pairs).isNotEmpty();
        for (var pair : pairs) {
            var p = store.instruct().provenance(pair.sampleId()).orElseThrow();
            assertThat(p.pair().provenance().skill()).isIn("reading-comprehension", "coding");
            assertThat(p.pair().provenance().agents()).containsEntry("generator", "generator")
                    .containsEntry("responder", "responder");
            assertThat(p.seed()).isPresent();
        }
        opened.show(robot, "datasets");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(hasText("from-the-form")).tryQuery()
                .isPresent());

        // and out of the workbench: the Export screen writes the new dataset, every pair in it
        opened.show(robot, "export");
        robot.clickOn("#export-dataset");
        robot.clickOn(robot.lookup(".list-cell").match(hasText("from-the-form")).queryAs(Node.class));
        robot.clickOn("#export-content");
        robot.clickOn(robot.lookup(".list-cell").match(hasText("All samples, as imported")).queryAs(Node.class));
        Path target = dir.resolve("from-the-form.json");
        dialogs.willSave(target);
        robot.clickOn("#export-choose-target").clickOn("#export-run");
        Label result = robot.lookup("#export-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("Exported"));
        var exported = new ObjectMapper().readTree(target.toFile());
        assertThat(exported).hasSize(pairs.size());
        var instructions = new java.util.HashSet<String>();
        exported.forEach(r -> instructions.add(r.path("instruction").asText()));
        for (var pair : pairs) {
            var sample = store.samples().fetch(new long[] {pair.sampleId()}, 0, 1).get(0);
            assertThat(instructions).contains(sample.content().instruction());
        }
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.doubleClickOn(id).write(text);
    }
}
