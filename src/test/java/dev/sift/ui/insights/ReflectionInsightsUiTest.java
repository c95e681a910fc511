package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ProjectStore;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Insights shows how many samples of the dataset's reflection run took each branch. */
class ReflectionInsightsUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private static long runId;

    @Start
    void start(Stage stage) throws Exception {
        Path project;
        try (ProjectStore store = TestProjects.withSamples(dir, "branches", 6)) {
            runId = ReflectionRunFixture.create(store, store.datasets().list().get(0).id());
            project = dir.resolve("branches.sift");
        }
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), project);
    }

    @Test
    void theFigureHasABarPerBranchWithItsSamples(FxRobot robot) throws Exception {
        opened.show(robot, "insights");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bars(robot).size() == 6);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bars(robot)).containsEntry("QA accepted", 2).containsEntry("A accepted", 1)
                .containsEntry("Q only", 0).containsEntry("original kept", 1).containsEntry("dropped", 1)
                .containsEntry("outside top-k", 1);
        assertThat(opened.find(robot, "#branches-summary").queryAs(Label.class).getText())
                .isEqualTo("run " + runId + " · queued · 6 samples decided");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Integer> bars(FxRobot robot) {
        Map<String, Integer> out = new TreeMap<>();
        opened.find(robot, "#branches-chart").tryQueryAs(BarChart.class)
                .ifPresent(chart -> ((BarChart<String, Number>) chart).getData().forEach(series -> {
                    for (XYChart.Data<String, Number> d : series.getData()) {
                        out.put(d.getXValue(), d.getYValue().intValue());
                    }
                }));
        return out;
    }
}
