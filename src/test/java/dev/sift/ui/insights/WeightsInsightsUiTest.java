package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.weights.StarAgentsRunFixture;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Insights shows the live agent-pair weights of the dataset's Star-Agents run and follows new rounds. */
class WeightsInsightsUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private static long runId;
    private static long emptyDatasetId;

    @Start
    void start(Stage stage) throws Exception {
        Path project = projectWithRun();
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), project);
    }

    /** A dataset with a running 3-round Star-Agents run past round 1, and a dataset without a run. */
    private static Path projectWithRun() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "weights", 6)) {
            var run = StarAgentsRunFixture.create(store, store.datasets().list().get(0).id(), 3);
            run.round(1, 0.7, 0, 2, 2, 2);
            runId = run.runId();
            emptyDatasetId = TestProjects.addDataset(store, "zz-no-run", 2).id();
            return dir.resolve("weights.sift");
        }
    }

    @Test
    void theChartShowsEveryPairAndGainsAPointWhenTheRunRecordsARound(FxRobot robot) throws Exception {
        opened.show(robot, "insights");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points(robot, "#weights-chart") == 4);
        WaitForAsyncUtils.waitForFxEvents();

        LineChart<?, ?> chart = opened.find(robot, "#weights-chart").queryAs(LineChart.class);
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("plain", "rewrite");
        assertThat(points(robot, "#entropy-chart")).isEqualTo(2);
        assertThat(text(robot, "#weights-title")).startsWith("run " + runId + " · round 1 of 3 · entropy 0.61");
        assertThat(opened.find(robot, "#weights-wins").lookup(".label")
                .queryAllAs(Label.class)).extracting(Label::getText).contains("rewrite", "2", "100%");

        ProjectStore store = opened.workspace().store().orElseThrow();
        StarAgentsRunFixture.attach(store, runId).round(2, 0.8, 1, 2, 1, 2);
        long recorded = System.nanoTime();
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> points(robot, "#weights-chart") == 6);
        long followedMillis = (System.nanoTime() - recorded) / 1_000_000;
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(points(robot, "#entropy-chart")).isEqualTo(3);
        assertThat(text(robot, "#weights-title")).contains("round 2 of 3");
        System.out.println("weights chart followed a new round in " + followedMillis + " ms");

        Dataset empty = opened.workspace().datasets().stream().filter(d -> d.id() == emptyDatasetId).findFirst()
                .orElseThrow();
        robot.interact(() -> opened.workspace().selectedDatasetProperty().set(empty));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> AgentWeightsViewModel.NO_RUN.equals(text(robot, "#weights-runs-message")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getParent().isVisible()).isFalse();
    }

    private int points(FxRobot robot, String id) {
        return opened.find(robot, id).tryQueryAs(LineChart.class)
                .map(chart -> ((LineChart<?, ?>) chart).getData().stream().mapToInt(s -> s.getData().size()).sum())
                .orElse(-1);
    }

    private String text(FxRobot robot, String id) {
        return opened.find(robot, id).queryAs(Label.class).getText();
    }
}
