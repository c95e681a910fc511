package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import dev.sift.core.pipeline.ReflectionLoopback;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.testsupport.RunsMenu;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a project whose teacher is the scripted loopback server, the curator fills the reflection form on the Runs
 * screen (the tiny model as the student), launches it, and sees the run succeed in the Runs table with every sample
 * decided along its known branch.
 */
class ReflectionLaunchUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private ReflectionLoopback server;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    @Start
    void start(Stage stage) throws Exception {
        server = closeAfter(new ReflectionLoopback());
        opened = TestWorkbench.openNew(stage, dir, dialogs, "reflect.sift",
                store -> ReflectionLoopback.setUpProject(store, server.baseUrl()));
    }

    @Test
    void aRunLaunchedFromTheFormSucceedsWithEverySampleDecided(FxRobot robot) throws Exception {
        opened.show(robot, "runs");
        RunsMenu.openForm(robot, "Reflection run…");
        dialogs.willChooseFolder(StarAgentsProject.tinyModel());

        Label problem = robot.lookup("#rf-problem").queryAs(Label.class);
        assertThat(problem.getText()).as("no student yet").contains("student");
        robot.clickOn("#rf-student-choose");
        robot.clickOn("#rf-template");
        robot.clickOn(robot.lookup(".list-cell").match(hasText("none")).queryAs(Node.class));
        robot.doubleClickOn("#rf-maxLength").write("64");

        assertThat(problem.getText()).isEmpty();
        assertThat(robot.lookup("#rf-estimate").queryAs(Label.class).getText())
                .startsWith("Estimate: ≈ 12 teacher calls (4 samples × 3 reflections, at most 24 with retries)");
        Button launch = robot.lookup("#rf-launch").queryAs(Button.class);
        assertThat(launch.isDisabled()).isFalse();
        robot.clickOn(launch);

        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).status().equals("succeeded"));
        RunRow row = table.getItems().get(0);
        assertThat(row.recipe()).isEqualTo("reflection");
        assertThat(row.progress()).isEqualTo("4 / 4");
        ProjectStore store = opened.workspace().store().orElseThrow();
        assertThat(ReflectionBranches.count(store, row.id())).containsEntry(ReflectionBranch.QA_ACCEPTED, 1)
                .containsEntry(ReflectionBranch.A_ACCEPTED, 2).containsEntry(ReflectionBranch.DROPPED, 1);
    }
}
