package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.pipeline.SelectSpec;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring and selection from the workbench, with the committed tiny ONNX model. */
class IfdLaunchViewModelTest {

    private static final String[][] RECORDS = {
        {"the cat sat", "", "the cat sat on the mat ."},
        {"the dog ran", "over the hill", "the dog ran over the hill and sat ."},
        {"the bird flew", "", "the small bird flew over the blue river ."},
        {"we see the moon", "", "we see the old moon every night ."},
        {"the sun shines", "", "the big sun shines on the green tree every morning ."},
        {"they like fish", "", ""},
    };

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private ProjectStore store;
    private InsightsViewModel insights;
    private IfdLaunchViewModel launch;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        store.datasets().importDataset(new NewDataset("tiny", "t.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < RECORDS.length; i++) {
                sink.add(i, SampleContent.single(RECORDS[i][0], RECORDS[i][1], RECORDS[i][2]));
            }
        });
        workspace.open(store);
        insights = new InsightsViewModel(workspace, jobs);
        launch = new IfdLaunchViewModel(workspace, jobs, dialogs, insights, () -> {
            throw new AssertionError("no endpoint is used");
        });
    }

    @AfterEach
    void close() {
        launch.dispose();
        insights.dispose();
        workspace.close();
    }

    @Test
    void scoresTheDatasetWithTheChosenModelAndReloadsTheCharts() {
        assertThat(launch.canSelectProperty().get()).as("nothing to select by yet").isFalse();
        dialogs.willChooseFolder(tinyModel());
        launch.modeProperty().set(IfdMode.SUPERFILTERING);

        launch.scoreIfd();

        assertThat(jobs.visibleJobs()).containsExactly("Score IFD with tiny");
        assertThat(dialogs.errors()).isEmpty();
        assertThat(launch.statusProperty().get()).startsWith("Run ").contains("5 scored, 1 not scorable");
        assertThat(launch.runningProperty().get()).isFalse();
        assertThat(insights.groups()).hasSize(1);
        assertThat(insights.groupProperty().get().template()).isEqualTo("none/response_only/concatenate/64");
        assertThat(insights.histogram().stream().mapToLong(IfdBar::count).sum()).isEqualTo(5);
        assertThat(insights.allPoints()).hasSize(5);
        assertThat(launch.canSelectProperty().get()).isTrue();
    }

    @Test
    void scoringAgainResumes() {
        dialogs.willChooseFolder(tinyModel()).willChooseFolder(tinyModel());
        launch.scoreIfd();

        launch.scoreIfd();

        assertThat(launch.statusProperty().get()).contains("0 scored, 0 not scorable, 6 already done of 6");
        assertThat(insights.groups()).hasSize(1);
    }

    @Test
    void aSelectionBecomesDecisionsAndTheSelectedSeries() throws Exception {
        dialogs.willChooseFolder(tinyModel());
        launch.scoreIfd();
        launch.methodProperty().set(SelectSpec.Method.CHERRY_V2);
        launch.ratePercentProperty().set(50);

        launch.select();

        assertThat(jobs.visibleJobs()).containsExactly("Score IFD with tiny", "Select by IFD (cherry_v2)");
        assertThat(dialogs.errors()).isEmpty();
        long chosen = store.decisions().currentByDataset(workspace.selectedDataset().orElseThrow().id()).stream()
                .filter(d -> d.action() == DecisionAction.CHOOSE).count();
        assertThat(chosen).isPositive();
        assertThat(launch.statusProperty().get()).contains("selected " + chosen + " of 6");
        assertThat(insights.figures()).contains(new InsightsFigure("selected", String.valueOf(chosen)));
        assertThat(insights.selectedPoints()).hasSize((int) chosen);
    }

    @Test
    void doesNothingWhenNoFolderIsChosen() {
        launch.scoreIfd();

        assertThat(jobs.visibleJobs()).isEmpty();
        assertThat(launch.statusProperty().get()).isEmpty();
    }

    @Test
    void reportsAFolderWithoutAModel() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-model"));
        dialogs.willChooseFolder(empty);

        launch.scoreIfd();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Scoring IFD failed: ");
        assertThat(launch.runningProperty().get()).isFalse();
        assertThat(launch.canScoreProperty().get()).isTrue();
        assertThat(insights.groups()).isEmpty();
    }

    @Test
    void rejectsARateOutsideZeroToHundred() {
        dialogs.willChooseFolder(tinyModel());
        launch.scoreIfd();
        launch.ratePercentProperty().set(150);

        launch.select();

        assertThat(dialogs.errors()).containsExactly("Select by IFD: The share to select must be between 0 and 100 %.");
        assertThat(jobs.visibleJobs()).hasSize(1);
    }

    private static Path tinyModel() {
        try {
            return Path.of(IfdLaunchViewModelTest.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx")
                    .toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
