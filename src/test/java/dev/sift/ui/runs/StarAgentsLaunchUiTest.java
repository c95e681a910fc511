package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import dev.sift.core.pipeline.StarAgentsLoopback;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RoundWeights;
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
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The must-show workbench test of Star-Agents: on a project whose agents talk to a scripted loopback endpoint, the
 * curator fills the launch form on the Runs screen by clicking and typing, launches a small run, and sees it reach
 * succeeded in the Runs table, its candidates in the project and the good pair's weight risen.
 */
class StarAgentsLaunchUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private StarAgentsLoopback server;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    @Start
    void start(Stage stage) throws Exception {
        server = closeAfter(new StarAgentsLoopback());
        opened = TestWorkbench.openNew(stage, dir, dialogs, "star.sift",
                store -> StarAgentsProject.setUp(store, server.baseUrl()));
    }

    @Test
    void aRunLaunchedFromTheFormSucceedsWithCandidatesAndTheGoodPairGainsWeight(FxRobot robot) throws Exception {
        opened.show(robot, "runs");
        RunsMenu.openForm(robot, "Star-Agents run…");
        Path tiny = StarAgentsProject.tinyModel();
        dialogs.willChooseFolder(tiny).willChooseFolder(tiny);

        robot.clickOn("#sa-pair-good").clickOn("#sa-pair-weak").clickOn("#sa-pair-direct").clickOn("#sa-only-direct");
        robot.clickOn("#sa-small-choose").clickOn("#sa-large-choose");
        robot.clickOn("#sa-judge");
        robot.clickOn(robot.lookup(".list-cell").match(hasText("judge")).queryAs(Node.class));
        type(robot, "#sa-k", "2");
        type(robot, "#sa-batchSize", "4");
        type(robot, "#sa-rounds", "3");
        type(robot, "#sa-seed", "42");

        Label problem = robot.lookup("#sa-problem").queryAs(Label.class);
        assertThat(problem.getText()).isEmpty();
        assertThat(robot.lookup("#sa-estimate").queryAs(Label.class).getText())
                .startsWith("Estimate: ≈ ").contains("12 seeds × K 2");
        Button launch = robot.lookup("#sa-launch").queryAs(Button.class);
        assertThat(launch.isDisabled()).isFalse();
        robot.clickOn(launch);

        ProjectStore store = opened.workspace().store().orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        // select the run as soon as it is listed: its weights chart follows it while it runs
        // the table re-reads the runs every two seconds while the layout settles after the form closes: a click that
        // lands in between is clicked again
        for (int attempt = 0; attempt < 5 && table.getSelectionModel().getSelectedItem() == null; attempt++) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runRowCell(robot, table).isPresent());
            robot.clickOn(runRowCell(robot, table).orElseThrow());
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        }
        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> points(robot, "#weights-chart") >= 3);
        int firstSeen = points(robot, "#weights-chart");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).status().equals("succeeded"));
        // three pairs, rounds 0 to 3: the chart gains the rounds' points as they are recorded
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> points(robot, "#weights-chart") == 12);
        assertThat(firstSeen).isBetween(3, 12);
        // the entropy chart is redrawn after the weights chart: wait for it too
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> points(robot, "#entropy-chart") == 4);
        RunRow row = table.getItems().get(0);
        assertThat(row.recipe()).isEqualTo("star-agents");
        assertThat(row.progress()).isEqualTo("12 / 12");
        assertThat(store.candidates().countByRun(row.id())).as("candidates appear in the project").isPositive();

        long good = store.agents().findPairByName("good").orElseThrow().id();
        List<RoundWeights> history = store.runs().weights(row.id());
        assertThat(history).hasSize(4);
        assertThat(history.get(3).weights().get(good)).as("the good pair's weight rises")
                .isGreaterThan(history.get(0).weights().get(good));
    }

    /** The table's drawn row that holds the run (an empty row cell may come first while the table lays out). */
    private static java.util.Optional<Node> runRowCell(FxRobot robot, TableView<RunRow> table) {
        return robot.from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null)
                .map(Node.class::cast).findFirst();
    }

    /** Data points drawn in a chart, over all its series. */
    @SuppressWarnings("unchecked")
    private static int points(FxRobot robot, String chart) {
        return robot.lookup(chart).tryQueryAs(javafx.scene.chart.XYChart.class)
                .map(c -> ((javafx.scene.chart.XYChart<Number, Number>) c).getData().stream()
                        .mapToInt(series -> series.getData().size()).sum())
                .orElse(0);
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.doubleClickOn(id).write(text);
    }
}
