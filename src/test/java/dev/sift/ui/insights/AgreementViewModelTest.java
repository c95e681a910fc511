package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Six samples with IFD {0.2, 0.4, 0.6, 0.8, 1.2, 0.5} (cut-off 0.5: IFD keeps 2, 3 and 5) and judge {8, 3, 9, 2, 8, 5}
 * (keeps 0, 2 and 4); the algorithm chose 0 and rejected 1; the curator kept 0 and 1 and rejected 2.
 */
class AgreementViewModelTest {

    private static final double[] IFD = {0.2, 0.4, 0.6, 0.8, 1.2, 0.5};
    private static final double[] JUDGE = {8, 3, 9, 2, 8, 5};

    @TempDir
    Path dir;

    private ProjectStore store;
    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private AgreementViewModel vm;
    private long[] ids;
    private long[] originals;

    @BeforeEach
    void fillProject() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", IFD.length);
        Dataset dataset = store.datasets().list().get(0);
        ids = store.samples().ids(SampleQuery.dataset(dataset.id()));
        originals = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            originals[i] = store.candidates().add(new NewCandidate(ids[i], 0, 0, CandidateOrigin.ORIGINAL,
                    OptionalInt.empty(), "Task " + i, "", "Answer " + i)).id();
            store.scores().save(new NewScore(originals[i], "ifd", IFD[i], "m", "t", 0, null, null, ""));
            store.scores().save(new NewScore(originals[i], "judge", JUDGE[i], "j", "q", 0, null, null, ""));
        }
        long run = store.runs().create(new NewRun("select", dataset.id(), "{}", 0, OptionalDouble.empty())).id();
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(ids[0], originals[0], DecisionAction.CHOOSE, run, ""),
                NewDecision.byAlgorithm(ids[1], originals[1], DecisionAction.REJECT, run, "")));
        store.review().record(NewReviewAction.of("choose", "curator", List.of(
                curator(0, DecisionAction.CHOOSE), curator(1, DecisionAction.CHOOSE),
                curator(2, DecisionAction.REJECT))));
        workspace.open(store);
    }

    private NewDecision curator(int i, DecisionAction action) {
        return new NewDecision(ids[i], originals[i], action, DecidedBy.CURATOR, 0, "");
    }

    @AfterEach
    void closeProject() {
        if (vm != null) {
            vm.dispose();
        }
        workspace.close();
    }

    private List<String> texts() {
        return vm.rates().stream().map(r -> r.label() + ": " + r.text()).toList();
    }

    @Test
    void showsTheRatesOfTheSelectedDataset() {
        vm = new AgreementViewModel(workspace, jobs);

        assertThat(texts()).containsExactly("judge vs curator: 1 of 3 (33.3%)", "algorithm vs curator: 1 of 2 (50.0%)",
                "judge vs IFD: 2 of 6 (33.3%)");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.rulesProperty().get()).contains("0.5000 ≤ IFD < 1");
    }

    @Test
    void refreshReadsNewDecisionsAndNoDatasetClearsTheRates() throws Exception {
        vm = new AgreementViewModel(workspace, jobs);
        store.review().record(NewReviewAction.of("reject", "curator", List.of(curator(3, DecisionAction.REJECT))));

        vm.refresh();

        assertThat(texts()).startsWith("judge vs curator: 2 of 4 (50.0%)");

        workspace.selectedDatasetProperty().set(null);

        assertThat(vm.rates()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Select a dataset");
    }
}
