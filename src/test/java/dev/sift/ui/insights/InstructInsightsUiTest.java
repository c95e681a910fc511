package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.core.store.testing.InstructFixture;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.List;
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

/** Insights charts the AgentInstruct pairs of a generated dataset, and says so for a dataset without any. */
class InstructInsightsUiTest extends WorkbenchTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        InstructFixture fixture = InstructFixture.create(dir);
        try (ProjectStore store = SqliteProjectStore.open(fixture.file())) {
            TestProjects.addDataset(store, "plain", 2);
        }
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), fixture.file());
    }

    @Test
    void chartsPairsPerSkillTypeAndRefinementDepth(FxRobot robot) throws Exception {
        opened.show(robot, "insights");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bars(robot, "#instruct-by-skill").size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bars(robot, "#instruct-by-skill")).containsExactly("reading-comprehension=3", "text-modification=1");
        BarChart<?, ?> types = opened.find(robot, "#instruct-by-type").queryAs(BarChart.class);
        assertThat(types.getData().get(0).getData().stream().map(d -> d.getYValue() + "=" + d.getXValue()).toList())
                .as("listed top to bottom").containsExactly("text-modification / paraphrase=1",
                        "reading-comprehension / main-idea=1", "reading-comprehension / inference=2");
        assertThat(bars(robot, "#instruct-depths")).containsExactly("unrefined=2", "1 round=1", "2 rounds=1");
        assertThat(opened.find(robot, "#instruct-figures").lookup(".label")
                .queryAllAs(Label.class)).extracting(Label::getText).contains("4", "pairs", "50%", "refined");
        assertThat(opened.find(robot, "#instruct-charts").query().isVisible()).isTrue();

        robot.interact(() -> opened.workspace().selectedDatasetProperty().set(opened.workspace().datasets()
                .stream().filter(d -> d.name().equals("plain")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(stage.getScene().getRoot())
                .lookup("#instruct-message").queryAs(Label.class).getText().equals(InstructMixViewModel.NO_PAIRS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.find(robot, "#instruct-charts").query().isVisible()).isFalse();
    }

    private List<String> bars(FxRobot robot, String chartId) {
        BarChart<?, ?> chart = opened.find(robot, chartId).queryAs(BarChart.class);
        return chart.getData().get(0).getData().stream().map(d -> d.getXValue() + "=" + d.getYValue()).toList();
    }
}
