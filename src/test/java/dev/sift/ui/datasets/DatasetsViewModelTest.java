package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final WorkspaceState workspace = new WorkspaceState();
    private DatasetsViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.dispose();
        }
        workspace.close();
    }

    private DatasetsViewModel open(ProjectStore store) throws Exception {
        workspace.open(store);
        vm = new DatasetsViewModel(workspace, TestProjects.services(jobs, dialogs), ZoneOffset.UTC);
        return vm;
    }

    @Test
    void listsDatasetsAndShowsTheFirstOnesSamples() throws Exception {
        open(TestProjects.withSamples(dir, "fruit", 40));

        assertThat(vm.datasets()).extracting(DatasetRow::name).containsExactly("fruit");
        assertThat(vm.selectedProperty().get().samples()).isEqualTo(40);
        assertThat(vm.samples().rows()).hasSize(40);
        assertThat(vm.stats().figures()).isNotEmpty();
    }

    @Test
    void importsAChosenFileWithTheConfirmedOptionsAndSelectsIt() throws Exception {
        open(SqliteProjectStore.create(dir.resolve("p.sift")));
        dialogs.willOpen(TestProjects.repoFile("datasets/formats/alpaca.jsonl"));

        vm.chooseFileToImport();
        ImportOptionsViewModel options = vm.pendingImportProperty().get();
        assertThat(options.nameProperty().get()).isEqualTo("alpaca");
        options.nameProperty().set("my alpaca");
        vm.confirmImport();

        assertThat(jobs.visibleJobs()).containsExactly("Import alpaca.jsonl");
        assertThat(vm.pendingImportProperty().get()).isNull();
        assertThat(vm.datasets()).extracting(DatasetRow::name).containsExactly("my alpaca");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("my alpaca");
        assertThat(vm.samples().rows()).hasSize(vm.selectedProperty().get().samples()).isNotEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Imported my alpaca");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aFailedImportShowsTheImportMessageAndChangesNothing() throws Exception {
        open(TestProjects.withSamples(dir, "fruit", 5));
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"instruction\": \"ok\", \"output\": \"fine\"}\n{not json\n");

        vm.dropFiles(List.of(broken));
        vm.confirmImport();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Import failed: ").contains("broken.jsonl");
        assertThat(vm.datasets()).extracting(DatasetRow::name).containsExactly("fruit");
        assertThat(vm.samples().rows()).hasSize(5);
    }

    @Test
    void droppingOnlyFoldersOffersNothing() throws Exception {
        open(TestProjects.withSamples(dir, "fruit", 3));

        vm.dropFiles(List.of(dir));

        assertThat(vm.pendingImportProperty().get()).isNull();
    }

    @Test
    void cancellingTheOptionsImportsNothing() throws Exception {
        open(TestProjects.withSamples(dir, "fruit", 3));
        vm.dropFiles(List.of(TestProjects.repoFile("datasets/formats/alpaca.json")));

        vm.cancelImport();
        vm.confirmImport();

        assertThat(jobs.visibleJobs()).isEmpty();
    }

    @Test
    void importingWithoutAProjectSaysSo() {
        vm = new DatasetsViewModel(workspace, TestProjects.services(jobs, dialogs), ZoneOffset.UTC);

        vm.chooseFileToImport();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("No project is open");
        assertThat(vm.hasProjectProperty().get()).isFalse();
    }

    @Test
    void selectingAnotherDatasetShowsItsSamples() throws Exception {
        ProjectStore store = TestProjects.withSamples(dir, "fruit", 10);
        TestProjects.addDataset(store, "more", 4);
        open(store);

        vm.select(vm.datasets().get(1));

        assertThat(workspace.selectedDataset().orElseThrow().name()).isEqualTo("more");
        assertThat(vm.samples().rows()).hasSize(4);
    }

    @Test
    void exportIsOfferedOnlyWithADataset() throws Exception {
        open(SqliteProjectStore.create(dir.resolve("empty.sift")));

        assertThat(vm.newExport()).isEmpty();
        assertThat(vm.hasDatasetProperty().get()).isFalse();
    }
}
