package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs screen follows a run while it writes: status, progress and new log lines appear without a click. */
class RunsUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private long runId;

    @Start
    void start(Stage stage) throws Exception {
        Path project;
        try (ProjectStore store = TestProjects.withSamples(dir, "runs", 3)) {
            runId = store.runs().create(new NewRun("score-ifd", store.datasets().list().get(0).id(), "{}", 0,
                    OptionalDouble.empty())).id();
            store.runs().setStatus(runId, RunStatus.RUNNING, "");
            store.runs().appendEvent(runId, "started", "scoring 3 samples", "");
            project = store.file();
        }
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), project);
    }

    @Test
    void aRunningRunShowsItsNewLogLinesAndItsEnd(FxRobot robot) throws Exception {
        opened.show(robot, "runs");
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(robot.from(table).lookup(".table-row-cell").queryAs(Node.class));
        @SuppressWarnings("unchecked")
        ListView<RunEvent> log = robot.lookup("#runs-log").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() == 1);

        ProjectStore store = opened.workspace().store().orElseThrow();
        store.runs().updateProgress(runId, 3, 3);
        store.runs().setStatus(runId, RunStatus.SUCCEEDED, "");
        store.runs().appendEvent(runId, "succeeded", "3 scored", "");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().size() == 2
                && table.getItems().get(0).status().equals("succeeded"));
        assertThat(log.getItems().get(1).message()).isEqualTo("3 scored");
        assertThat(table.getItems().get(0).progress()).isEqualTo("3 / 3");
        assertThat(table.getSelectionModel().getSelectedItem().id()).as("the selection survives the refresh")
                .isEqualTo(runId);
    }
}
