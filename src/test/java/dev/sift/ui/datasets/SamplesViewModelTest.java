package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.Debouncer;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final SamplesViewModel vm = new SamplesViewModel(jobs, Debouncer.immediate());
    private ProjectStore store;
    private Dataset dataset;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 30);
        dataset = store.datasets().list().get(0);
        vm.show(store, dataset);
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    @Test
    void showsEverySampleOfTheDataset() {
        assertThat(vm.rows()).hasSize(30);
        assertThat(vm.sampleAt(0)).get().extracting(s -> s.content().instruction()).isEqualTo("Task 0 about apples");
        assertThat(vm.sampleAt(29)).get().extracting(s -> s.content().instruction()).isEqualTo("Task 29 about pears");
        assertThat(vm.summaryProperty().get()).isEqualTo("30 samples");
    }

    @Test
    void theFilterRunsInTheBackgroundAndShrinksTheRows() {
        vm.filterTextProperty().set("PEARS");

        assertThat(jobs.queries()).contains("Filter samples");
        assertThat(vm.rows()).hasSize(15);
        assertThat(vm.sampleAt(0)).get().extracting(s -> s.content().instruction()).isEqualTo("Task 1 about pears");
        assertThat(vm.summaryProperty().get()).isEqualTo("15 of 30 samples match");
        assertThat(vm.currentQuery().text()).isEqualTo("PEARS");
    }

    @Test
    void selectingARowShowsTheSampleInFull() {
        vm.select(3);

        SampleDetail detail = vm.detailProperty().get();
        assertThat(detail.heading()).startsWith("Record 4 · qa");
        assertThat(detail.sections()).extracting(SampleDetail.Section::label).containsExactly("Instruction", "Output");
        assertThat(detail.sections().get(1).text()).isEqualTo("Answer 3");

        vm.select(-1);
        assertThat(vm.detailProperty().get()).isNull();
    }

    @Test
    void noDatasetMeansNoRows() {
        vm.show(store, null);

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No dataset selected");
    }
}
