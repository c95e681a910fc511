package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ProjectStore;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void showsCountsPercentilesAndAHistogramOfTheDataset() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "fruit", 50)) {
            var vm = new StatsViewModel(new ImmediateUiJobRunner());

            vm.show(store, store.datasets().list().get(0));

            assertThat(vm.figures()).extracting(StatsViewModel.Figure::label).containsExactly("samples",
                    "exact duplicates skipped", "min chars", "median chars", "p90 chars", "max chars");
            assertThat(vm.figures().get(0).value()).isEqualTo("50");
            assertThat(vm.histogram()).isNotEmpty();
            assertThat(vm.histogram().stream().mapToLong(HistogramBar::count).sum()).isEqualTo(50);
            assertThat(vm.statsProperty().get().min()).isLessThanOrEqualTo(vm.statsProperty().get().max());
        }
    }

    @Test
    void clearsWithoutADataset() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "fruit", 5)) {
            var vm = new StatsViewModel(new ImmediateUiJobRunner());
            vm.show(store, store.datasets().list().get(0));

            vm.show(store, null);

            assertThat(vm.figures()).isEmpty();
            assertThat(vm.histogram()).isEmpty();
        }
    }
}
