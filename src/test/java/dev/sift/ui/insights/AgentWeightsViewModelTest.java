package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.Run;
import dev.sift.ui.common.weights.StarAgentsRunFixture;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.WorkspaceTest;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which Star-Agents runs Insights offers for the selected dataset, and which one it shows. */
class AgentWeightsViewModelTest extends WorkspaceTest {

    private Dataset seeds;
    private Dataset other;
    private long older;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "seeds", 4);
        seeds = store.datasets().list().get(0);
        other = TestProjects.addDataset(store, "other", 2);
        older = StarAgentsRunFixture.create(store, seeds.id(), 2).runId();
        store.runs().create(new NewRun("score-ifd", seeds.id(), "{}", 0, OptionalDouble.empty()));
        store.runs().create(new NewRun(StarAgentsSpec.RECIPE, other.id(), "{}", 0, OptionalDouble.empty()));
        openProject(store);
    }

    @Test
    void offersTheDatasetsStarAgentsRunsNewestFirstAndShowsTheNewest() throws Exception {
        long newer = store.runs().create(new NewRun(StarAgentsSpec.RECIPE, seeds.id(), "{}", 0,
                OptionalDouble.empty())).id();
        workspace.selectedDatasetProperty().set(seeds);
        var vm = new AgentWeightsViewModel(workspace, jobs);

        assertThat(vm.runs()).extracting(Run::id).containsExactly(newer, older);
        assertThat(vm.runProperty().get().id()).isEqualTo(newer);
        assertThat(vm.weights().messageProperty().get()).isEqualTo("Run " + newer + " has recorded no weights yet.");

        vm.runProperty().set(vm.runs().get(1));
        assertThat(vm.weights().series()).hasSize(2);
        vm.refresh();
        assertThat(vm.runProperty().get().id()).isEqualTo(older);
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.dispose();
    }

    @Test
    void saysWhenTheDatasetHasNoStarAgentsRun() throws Exception {
        workspace.selectedDatasetProperty().set(seeds);
        var vm = new AgentWeightsViewModel(workspace, jobs);
        assertThat(vm.weights().series()).hasSize(2);

        var third = TestProjects.addDataset(store, "third", 1);
        workspace.refreshDatasets();
        workspace.selectedDatasetProperty().set(workspace.datasets().stream().filter(d -> d.id() == third.id())
                .findFirst().orElseThrow());

        assertThat(vm.messageProperty().get()).isEqualTo(AgentWeightsViewModel.NO_RUN);
        assertThat(vm.runs()).isEmpty();
        assertThat(vm.runProperty().get()).isNull();
        assertThat(vm.weights().series()).isEmpty();
        vm.dispose();
    }
}
