package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Sample;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Insights screen on a scored project: the scatter shows the threshold and the selection's cut-off. */
class InsightsUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Path project = scoredProject();
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), project);
    }

    /** Ten samples with IFD 0.1 … 1.0, all below 1.2; the four highest below 1 are chosen. */
    private static Path scoredProject() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "scored", 10)) {
            long[] ids = store.samples().ids(SampleQuery.dataset(store.datasets().list().get(0).id()));
            List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
            var decisions = new ArrayList<NewDecision>();
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                long candidate = store.candidates().add(new NewCandidate(s.id(), 0, 0, CandidateOrigin.ORIGINAL,
                        OptionalInt.empty(), s.content().instruction(), "", "y".repeat(20 + i))).id();
                store.scores().save(new NewScore(candidate, "ifd", 0.05 + 0.09 * i, "tiny", "alpaca", 64, null, null,
                        "{\"ifd_ppl\":0.5}"));
                if (i >= 6) {
                    decisions.add(new NewDecision(s.id(), candidate, DecisionAction.CHOOSE, DecidedBy.ALGORITHM, 0, ""));
                }
            }
            store.decisions().addAll(decisions);
            return dir.resolve("scored.sift");
        }
    }

    @Test
    void theScatterIsCrossedByTheThresholdAndTheLowestSelectedIfd(FxRobot robot) throws Exception {
        opened.show(robot, "insights");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> opened.find(robot, "." + IfdScatterChart.CUTOFF_LINE).tryQuery()
                        .isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        var scatter = (ScatterChart<Number, Number>) opened.find(robot, "#ifd-scatter")
                .queryAs(ScatterChart.class);
        var axis = (NumberAxis) scatter.getYAxis();
        Line threshold = robot.from(scatter).lookup("." + IfdScatterChart.THRESHOLD_LINE).queryAs(Line.class);
        Line cutoff = robot.from(scatter).lookup("." + IfdScatterChart.CUTOFF_LINE).queryAs(Line.class);

        // Every point is below 1, yet the axis reaches the threshold so its line is on the plot.
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(1.0);
        assertThat(threshold.getStartY()).isCloseTo(axis.getDisplayPosition(1.0), org.assertj.core.data.Offset.offset(0.5));
        assertThat(cutoff.getStartY()).isCloseTo(axis.getDisplayPosition(0.59), org.assertj.core.data.Offset.offset(0.5));
        assertThat(cutoff.getStartY()).isGreaterThan(threshold.getStartY());
        assertThat(threshold.getEndX()).isGreaterThan(100);
        assertThat(robot.from(scatter).lookup("." + IfdScatterChart.LINE_LABEL).queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("IFD = 1.0: at or above is dropped", "lowest selected: 0.590");
    }
}
