package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareDialogViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final List<String> reports = new ArrayList<>();
    private ProjectStore store;
    private Dataset base;
    private CompareDialogViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 6);
        TestProjects.addDataset(store, "fruit-gpt4", 4);
        TestProjects.addDataset(store, "other", 2);
        base = store.datasets().findByName("fruit").orElseThrow();
        vm = new CompareDialogViewModel(jobs, dialogs, store, base, store.datasets().list(), reports::add);
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    @Test
    void offersTheOtherDatasetsAndNeedsOnePicked() {
        assertThat(vm.choices()).extracting(c -> c.dataset().name()).containsExactly("fruit-gpt4", "other");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.compare()).isFalse();
        assertThat(dialogs.errors()).hasSize(1);

        vm.choices().get(0).picked().set(true);
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void runsTheComparisonAsAVisibleJobAndReports() throws Exception {
        vm.choices().get(0).picked().set(true);

        assertThat(vm.compare()).isTrue();

        assertThat(jobs.visibleJobs()).containsExactly("Compare fruit with fruit-gpt4");
        assertThat(reports).containsExactly("Compared: 4 of 4 records matched; 4 candidates added, 0 already there.");
        long[] ids = store.samples().ids(SampleQuery.dataset(base.id()));
        assertThat(store.candidates().listBySample(ids[0])).singleElement()
                .satisfies(c -> assertThat(c.origin()).isEqualTo(CandidateOrigin.DATASET));
        assertThat(store.candidates().listBySample(ids[5])).isEmpty();
    }
}
