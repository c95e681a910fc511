package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.ScoreGroup;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsViewModelTest {

    private static final String TEMPLATE = "alpaca/cherry_v1/concatenate/512";
    /** IFD loss of samples 0..5; sample 4 was skipped. */
    private static final double[] LOSS = {0.5, 0.8, 1.0, 1.2, Double.NaN, 0.9};
    /** IFD ppl in the details; sample 5 has no details. */
    private static final String[] DETAILS = {"{\"ifd_ppl\":0.6}", "{\"ifd_ppl\":0.85}", "{\"ifd_ppl\":1.0}",
        "{\"ifd_ppl\":1.5,\"conditional_ppl\":3.0}", "{\"ifd_ppl\":null}", ""};

    @TempDir
    Path dir;

    private ProjectStore store;
    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private InsightsViewModel vm;

    @BeforeEach
    void fillProject() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 6);
        Dataset dataset = store.datasets().list().get(0);
        long[] ids = store.samples().ids(SampleQuery.dataset(dataset.id()));
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        long[] candidates = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            candidates[i] = store.candidates().add(new NewCandidate(s.id(), 0, 0, CandidateOrigin.ORIGINAL,
                    OptionalInt.empty(), s.content().instruction(), "", "x".repeat(10 * (i + 1)))).id();
            store.scores().save(new NewScore(candidates[i], "ifd", LOSS[i], "model-a", TEMPLATE, 512, null, null,
                    DETAILS[i]));
        }
        for (int i = 0; i < 2; i++) {
            store.scores().save(new NewScore(candidates[i], "ifd", 1.5 + i, "model-b", TEMPLATE, 512, null, null,
                    "{\"ifd_ppl\":2.0}"));
        }
        store.decisions().addAll(List.of(
                new NewDecision(ids[0], candidates[0], DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                new NewDecision(ids[1], candidates[1], DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                new NewDecision(ids[3], candidates[3], DecisionAction.REJECT, DecidedBy.CURATOR, 0, "")));
        workspace.open(store);
    }

    @AfterEach
    void closeProject() {
        if (vm != null) {
            vm.dispose();
        }
        workspace.close();
    }

    @Test
    void showsTheLargestGroupWithItsHistogramThresholdAndFigures() {
        vm = new InsightsViewModel(workspace, jobs);

        assertThat(vm.groups()).extracting(ScoreGroup::scorer).containsExactly("model-a", "model-b");
        assertThat(vm.groupProperty().get().scorer()).isEqualTo("model-a");
        assertThat(vm.histogram()).hasSize(InsightsViewModel.HISTOGRAM_BINS);
        assertThat(vm.histogram().stream().mapToLong(IfdBar::count).sum()).isEqualTo(5);
        assertThat(vm.histogram().get(0).atOrAboveThreshold()).isFalse();
        assertThat(vm.histogram().get(InsightsViewModel.HISTOGRAM_BINS - 1).atOrAboveThreshold()).isTrue();
        assertThat(vm.histogram()).extracting(IfdBar::label).doesNotHaveDuplicates();
        assertThat(figure("scored")).isEqualTo("5");
        assertThat(figure("skipped (no IFD loss)")).isEqualTo("1");
        assertThat(figure("IFD ≥ 1, dropped by the IFD < 1 rule")).isEqualTo("2");
        assertThat(figure("selected")).isEqualTo("2");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(jobs.queries()).containsExactly("IFD insights");
    }

    @Test
    void plotsEveryScoredSampleAgainstItsResponseLengthWithTheChosenOnesApart() {
        vm = new InsightsViewModel(workspace, jobs);

        assertThat(vm.allPoints()).containsExactly(new ScatterPoint(10, 0.5), new ScatterPoint(20, 0.8),
                new ScatterPoint(30, 1.0), new ScatterPoint(40, 1.2), new ScatterPoint(60, 0.9));
        assertThat(vm.selectedPoints()).containsExactly(new ScatterPoint(10, 0.5), new ScatterPoint(20, 0.8));
        assertThat(vm.pointsNoteProperty().get()).isEmpty();
    }

    @Test
    void drawsTheThresholdAndTheLowestSelectedIfdInTheShownVariant() {
        vm = new InsightsViewModel(workspace, jobs);

        assertThat(vm.referenceLines()).containsExactly(
                new ReferenceLine(1.0, "IFD = 1.0: at or above is dropped", true),
                new ReferenceLine(0.5, "lowest selected: 0.500", false));

        vm.variantProperty().set(IfdVariant.PPL);

        assertThat(vm.referenceLines()).extracting(ReferenceLine::value).containsExactly(1.0, 0.6);
    }

    @Test
    void withNothingSelectedOnlyTheThresholdIsDrawn() throws Exception {
        for (var decision : store.decisions().currentByDataset(store.datasets().list().get(0).id())) {
            store.decisions().undo(decision.id());
        }
        vm = new InsightsViewModel(workspace, jobs);

        assertThat(vm.figures()).isNotEmpty();
        assertThat(vm.referenceLines()).extracting(ReferenceLine::threshold).containsExactly(true);
    }

    @Test
    void capsThePointsEvenlyAndSaysSo() {
        vm = new InsightsViewModel(workspace, jobs, 2);

        assertThat(vm.allPoints()).containsExactly(new ScatterPoint(10, 0.5), new ScatterPoint(30, 1.0));
        assertThat(vm.selectedPoints()).hasSize(2);
        assertThat(vm.pointsNoteProperty().get()).isEqualTo("Showing 2 of 5 scored samples, evenly spaced.");
        assertThat(vm.histogram().stream().mapToLong(IfdBar::count).sum()).isEqualTo(5);
    }

    @Test
    void thePplVariantReadsTheDetailsAndCountsMissingOnesAsSkipped() {
        vm = new InsightsViewModel(workspace, jobs);

        vm.variantProperty().set(IfdVariant.PPL);

        assertThat(figure("scored")).isEqualTo("4");
        assertThat(figure("skipped (no IFD ppl)")).isEqualTo("2");
        assertThat(figure("IFD ≥ 1, dropped by the IFD < 1 rule")).isEqualTo("2");
        assertThat(vm.allPoints()).extracting(ScatterPoint::ifd).containsExactly(0.6, 0.85, 1.0, 1.5);
        assertThat(vm.selectedPoints()).extracting(ScatterPoint::ifd).containsExactly(0.6, 0.85);
        assertThat(jobs.queries()).hasSize(1);
    }

    @Test
    void choosingAnotherGroupLoadsItsScores() {
        vm = new InsightsViewModel(workspace, jobs);

        vm.groupProperty().set(vm.groups().get(1));

        assertThat(vm.groupProperty().get().scorer()).isEqualTo("model-b");
        assertThat(vm.groups()).hasSize(2);
        assertThat(figure("scored")).isEqualTo("2");
        assertThat(figure("IFD ≥ 1, dropped by the IFD < 1 rule")).isEqualTo("2");
        assertThat(vm.allPoints()).containsExactly(new ScatterPoint(10, 1.5), new ScatterPoint(20, 2.5));
        assertThat(jobs.queries()).hasSize(2);

        vm.reload();

        assertThat(vm.groupProperty().get().scorer()).as("reload keeps the chosen group").isEqualTo("model-b");
    }

    @Test
    void saysSoWhenTheDatasetHasNoScores() throws Exception {
        Dataset other = TestProjects.addDataset(store, "empty", 3);
        workspace.refreshAndSelect(other.id());
        vm = new InsightsViewModel(workspace, jobs);

        assertThat(vm.groups()).isEmpty();
        assertThat(vm.histogram()).isEmpty();
        assertThat(vm.allPoints()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("No IFD scores for this dataset yet.");
    }

    @Test
    void followsTheSelectedDatasetAndClearsWithoutOne() throws Exception {
        vm = new InsightsViewModel(workspace, jobs);

        workspace.selectedDatasetProperty().set(null);

        assertThat(vm.histogram()).isEmpty();
        assertThat(vm.groups()).isEmpty();
        assertThat(vm.figures()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Select a dataset to see its IFD scores.");

        workspace.refreshDatasets();

        assertThat(vm.histogram()).isNotEmpty();
    }

    @Test
    void readsPplDefensively() {
        assertThat(IfdLoader.ppl("{\"ifd_ppl\":0.5}")).isEqualTo(0.5);
        assertThat(IfdLoader.ppl("{\"ifd_ppl\":null}")).isNaN();
        assertThat(IfdLoader.ppl("not json")).isNaN();
        assertThat(IfdLoader.ppl("")).isNaN();
    }

    private String figure(String label) {
        return vm.figures().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }
}
