package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.core.store.testing.InstructFixture;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AgentInstruct mix of the selected dataset: pairs per skill and type, and refinement depth. */
class InstructMixViewModelTest {

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private ProjectStore store;
    private Dataset generated;
    private Dataset plain;
    private InstructMixViewModel vm;

    @BeforeEach
    void open() throws Exception {
        InstructFixture fixture = InstructFixture.create(dir);
        store = SqliteProjectStore.open(fixture.file());
        generated = store.datasets().find(fixture.datasetId()).orElseThrow();
        plain = TestProjects.addDataset(store, "plain", 3);
        workspace.open(store);
        workspace.selectedDatasetProperty().set(generated);
        vm = new InstructMixViewModel(workspace, jobs);
    }

    @AfterEach
    void close() {
        vm.dispose();
        workspace.close();
    }

    private static String bars(java.util.List<InstructMixViewModel.Bar> bars) {
        return String.join(", ", bars.stream().map(b -> b.label() + "=" + b.count()).toList());
    }

    @Test
    void countsTheDatasetsPairsPerSkillTypeAndRefinementDepth() {
        assertThat(bars(vm.bySkill())).isEqualTo("reading-comprehension=3, text-modification=1");
        assertThat(bars(vm.byType())).isEqualTo("reading-comprehension / inference=2, reading-comprehension / main-idea=1,"
                + " text-modification / paraphrase=1");
        assertThat(bars(vm.depths())).isEqualTo("unrefined=2, 1 round=1, 2 rounds=1");
        assertThat(vm.figures()).extracting(f -> f.label() + " " + f.value()).containsExactly("pairs 4", "skills 2",
                "instruction types 3", "refined 50%", "mean rounds 0.75");
        assertThat(vm.hasPairsProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void aDatasetWithoutPairsSaysSoAndTheChartsEmpty() throws Exception {
        workspace.selectedDatasetProperty().set(plain);

        assertThat(vm.bySkill()).isEmpty();
        assertThat(vm.depths()).isEmpty();
        assertThat(vm.figures()).isEmpty();
        assertThat(vm.hasPairsProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(InstructMixViewModel.NO_PAIRS);

        workspace.selectedDatasetProperty().set(null);
        assertThat(vm.messageProperty().get()).startsWith("Select a dataset");
    }

    @Test
    void aGapInRefinementDepthShowsAsAnEmptyBarAndRefreshReadsNewPairs() throws Exception {
        long run = store.runs().list().get(0).id();
        long content = store.instruct().contents(run).get(0).id();
        store.instruct().addPair(run, generated.id(), dev.sift.core.model.SampleContent.single("Deep?", "", "Yes."),
                new dev.sift.core.store.PairProvenance(content, "reading-comprehension", "inference", 4, null, null));

        vm.refresh();

        assertThat(bars(vm.depths())).isEqualTo("unrefined=2, 1 round=1, 2 rounds=1, 3 rounds=0, 4 rounds=1");
        assertThat(vm.figures().get(0).value()).isEqualTo("5");
    }
}
