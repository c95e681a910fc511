package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsViewModelTest {

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private ProjectStore store;
    private RunsViewModel vm;
    private long scoring;
    private long generating;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 3);
        long dataset = store.datasets().list().get(0).id();
        scoring = store.runs().create(new NewRun("score-ifd", dataset, "{}", 0, OptionalDouble.empty())).id();
        store.runs().setStatus(scoring, RunStatus.RUNNING, "");
        store.runs().updateProgress(scoring, 1, 3);
        store.runs().appendEvent(scoring, "started", "scoring 3 samples", "");
        generating = store.runs().create(new NewRun("generate-responses", 0, "{}", 0, OptionalDouble.of(2))).id();
        store.runs().addUsage(generating, 1200, 300, 0.0125);
        workspace.open(store);
        vm = new RunsViewModel(workspace, jobs);
    }

    @AfterEach
    void close() {
        vm.dispose();
        workspace.close();
    }

    @Test
    void listsEveryRunNewestFirstWithItsDatasetProgressTokensAndCost() {
        assertThat(vm.runs()).extracting(RunRow::id).containsExactly(generating, scoring);
        RunRow score = vm.runs().get(1);
        assertThat(score.recipe()).isEqualTo("score-ifd");
        assertThat(score.dataset()).isEqualTo("fruit");
        assertThat(score.status()).isEqualTo("running");
        assertThat(score.progress()).isEqualTo("1 / 3");
        assertThat(score.started()).isNotEmpty();
        RunRow generate = vm.runs().get(0);
        assertThat(generate.dataset()).isEmpty();
        assertThat(generate.tokens()).isEqualTo("1,500");
        assertThat(generate.cost()).isEqualTo("0.0125 of 2.00");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void theSelectedRunsLogGrowsAsTheRunWritesAndSurvivesARefresh() throws Exception {
        vm.selectedProperty().set(vm.runs().get(1));
        assertThat(vm.events()).extracting(RunEvent::message).containsExactly("scoring 3 samples");

        store.runs().updateProgress(scoring, 3, 3);
        store.runs().setStatus(scoring, RunStatus.SUCCEEDED, "");
        store.runs().appendEvent(scoring, "succeeded", "3 scored", "");
        vm.refresh();

        assertThat(vm.events()).extracting(RunEvent::kind).containsExactly("started", "succeeded");
        assertThat(vm.selectedProperty().get().id()).isEqualTo(scoring);
        assertThat(vm.selectedProperty().get().status()).isEqualTo("succeeded");
        assertThat(vm.selectedProperty().get().progress()).isEqualTo("3 / 3");

        vm.selectedProperty().set(vm.runs().get(0));
        assertThat(vm.events()).isEmpty();
    }

    @Test
    void onlyAStarAgentsRunThatEndedShortOfSuccessMayResume() throws Exception {
        long dataset = store.datasets().list().get(0).id();
        long cancelled = store.runs().create(new NewRun("star-agents", dataset, "{}", 0, OptionalDouble.empty())).id();
        store.runs().setStatus(cancelled, RunStatus.CANCELLED, "");
        long succeeded = store.runs().create(new NewRun("star-agents", dataset, "{}", 0, OptionalDouble.empty())).id();
        store.runs().setStatus(succeeded, RunStatus.SUCCEEDED, "");
        vm.refresh();

        assertThat(vm.runs()).filteredOn(r -> vm.canResume(r)).extracting(RunRow::id).containsExactly(cancelled);
        assertThat(vm.canResume(null)).isFalse();
    }

    @Test
    void saysWhenThereAreNoRuns() throws Exception {
        vm.dispose();
        workspace.close();
        workspace.open(TestProjects.withSamples(dir, "empty", 1));
        vm = new RunsViewModel(workspace, jobs);

        assertThat(vm.runs()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("No runs yet.");
    }
}
