package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDialogViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final AtomicReference<String> report = new AtomicReference<>();
    private ProjectStore store;
    private SampleQuery filtered;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 20);
        filtered = SampleQuery.dataset(store.datasets().list().get(0).id()).withText("apples");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExportDialogViewModel vm(SampleQuery query) {
        return new ExportDialogViewModel(jobs, dialogs, "test", store, "fruit", query, report::set);
    }

    @Test
    void exportsOnlyTheFilteredSamplesByDefault() throws Exception {
        var vm = vm(filtered);
        Path target = dir.resolve("out.jsonl");
        dialogs.willSave(target);
        vm.formatProperty().set(DatasetFormat.ALPACA_JSONL);

        vm.chooseTarget();
        assertThat(vm.applyFilterProperty().get()).isTrue();
        assertThat(vm.export()).isTrue();

        assertThat(jobs.visibleJobs()).containsExactly("Export out.jsonl");
        assertThat(Files.readAllLines(target)).hasSize(10);
        assertThat(report.get()).isEqualTo("Exported 10 records to out.jsonl.");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void canExportTheWholeDatasetWithALlamaFactoryEntry() throws Exception {
        var vm = vm(filtered);
        Path target = dir.resolve("all.jsonl");
        vm.formatProperty().set(DatasetFormat.ALPACA_JSONL);
        vm.targetProperty().set(target.toString());
        vm.applyFilterProperty().set(false);
        vm.llamaFactoryEntryProperty().set(true);

        vm.export();

        assertThat(Files.readAllLines(target)).hasSize(20);
        assertThat(dir.resolve("dataset_info.json")).exists();
        assertThat(report.get()).contains("dataset_info.json");
    }

    @Test
    void withoutAFilterThereIsNothingToApply() {
        var vm = vm(filtered.withText(""));

        assertThat(vm.hasFilter()).isFalse();
        assertThat(vm.applyFilterProperty().get()).isFalse();
    }

    @Test
    void refusesToExportWithoutATarget() {
        var vm = vm(filtered);

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.export()).isFalse();
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Cannot export yet");
        assertThat(jobs.visibleJobs()).isEmpty();
    }

    @Test
    void aFailedExportShowsWhy() {
        var vm = vm(filtered);
        vm.targetProperty().set(dir.resolve("no/such/folder/out.json").toString());

        vm.export();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Export failed: ");
    }
}
