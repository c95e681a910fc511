package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.Run;
import dev.sift.ui.insights.ReflectionBranchesViewModel.BranchCount;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.WorkspaceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which reflection run Insights shows for the selected dataset, and its samples per branch. */
class ReflectionBranchesViewModelTest extends WorkspaceTest {

    private Dataset data;
    private Dataset other;
    private long runId;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "data", 6);
        data = store.datasets().list().get(0);
        other = TestProjects.addDataset(store, "other", 2);
        runId = ReflectionRunFixture.create(store, data.id());
        openProject(store);
    }

    @Test
    void countsTheSamplesOfEachBranchOfTheDatasetsNewestRun() {
        workspace.selectedDatasetProperty().set(data);
        var vm = new ReflectionBranchesViewModel(workspace, jobs);

        assertThat(vm.runs()).extracting(Run::id).containsExactly(runId);
        assertThat(vm.counts()).containsExactly(new BranchCount("QA accepted", 2), new BranchCount("A accepted", 1),
                new BranchCount("Q only", 0), new BranchCount("original kept", 1), new BranchCount("dropped", 1),
                new BranchCount("outside top-k", 1));
        assertThat(vm.summaryProperty().get()).isEqualTo("run " + runId + " · queued · 6 samples decided");
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.dispose();
    }

    @Test
    void saysWhenTheDatasetHasNoReflectionRun() {
        workspace.selectedDatasetProperty().set(workspace.datasets().stream().filter(d -> d.id() == other.id())
                .findFirst().orElseThrow());
        var vm = new ReflectionBranchesViewModel(workspace, jobs);

        assertThat(vm.runs()).isEmpty();
        assertThat(vm.counts()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(ReflectionBranchesViewModel.NO_RUN);
        vm.dispose();
    }
}
