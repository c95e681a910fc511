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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedsViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final WorkspaceState workspace = new WorkspaceState();
    private ProjectStore store;
    private SeedsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        workspace.open(store);
        vm = new SeedsViewModel(workspace, TestProjects.services(jobs, dialogs), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        vm.dispose();
        workspace.close();
    }

    @Test
    void importsChosenFoldersAndFilesAsANewCollectionAndSelectsIt() throws Exception {
        assertThat(vm.collections()).isEmpty();
        vm.startImport();
        SeedImportViewModel options = vm.pendingImportProperty().get();
        assertThat(options.errorProperty().get()).isEqualTo("Add seed files or folders.");

        dialogs.willChooseFolder(Path.of("datasets/seeds/articles").toAbsolutePath());
        vm.addFolder();
        dialogs.willOpen(TestProjects.repoFile("datasets/seeds/notes.jsonl"));
        vm.addFile();
        assertThat(options.paths()).hasSize(2);
        assertThat(options.nameProperty().get()).as("named after the first path").isEqualTo("articles");
        options.nameProperty().set("reading");
        options.chunkTokensProperty().set("200");
        options.overlapProperty().set("20");
        assertThat(options.errorProperty().get()).isEmpty();
        vm.confirmImport();

        assertThat(jobs.visibleJobs()).containsExactly("Import seeds reading");
        assertThat(vm.pendingImportProperty().get()).isNull();
        assertThat(dialogs.errors()).isEmpty();
        SeedCollectionRow row = vm.collections().get(0);
        assertThat(row.name()).isEqualTo("reading");
        assertThat(row.documents()).isEqualTo(6);
        assertThat(vm.selectedProperty().get()).isEqualTo(row);
        assertThat(vm.messageProperty().get()).startsWith("Imported seeds reading: 6 documents, ");
        assertThat(store.seeds().findCollection("reading").orElseThrow().settingsJson()).contains("\"chunkTokens\":200");
    }

    @Test
    void badOptionsKeepTheImportButtonOffAndAFailedImportShowsTheError() throws Exception {
        vm.startImport();
        SeedImportViewModel options = vm.pendingImportProperty().get();
        Path docs = Files.writeString(dir.resolve("docs.jsonl"), "{\"body\": \"Text.\"}\n");
        dialogs.willOpen(docs);
        vm.addFile();
        options.chunkTokensProperty().set("many");
        assertThat(options.errorProperty().get()).isEqualTo("Chunk tokens and overlap must be whole numbers.");
        options.chunkTokensProperty().set("64");
        options.overlapProperty().set("80");
        assertThat(options.errorProperty().get()).startsWith("Overlap must be from 0 to 63");
        vm.confirmImport();
        assertThat(jobs.visibleJobs()).as("nothing starts while the options are wrong").isEmpty();

        options.overlapProperty().set("8");
        vm.confirmImport();

        assertThat(dialogs.errors()).singleElement().asString()
                .isEqualTo("Seed import failed: docs.jsonl, line 1: field 'text' is missing (set another field with"
                        + " --field)");
        assertThat(vm.collections()).isEmpty();
    }

    @Test
    void deletesTheSelectedCollectionOnlyWhenConfirmed() throws Exception {
        vm.startImport();
        vm.pendingImportProperty().get().add(Path.of("datasets/seeds/code").toAbsolutePath());
        vm.confirmImport();
        vm.selectedProperty().set(vm.collections().get(0));

        dialogs.willAnswer(false);
        vm.deleteSelected();
        assertThat(vm.collections()).hasSize(1);

        dialogs.willAnswer(true);
        vm.deleteSelected();
        assertThat(dialogs.questions()).hasSize(2).last().asString().contains("Delete the seed collection 'code'");
        assertThat(vm.collections()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(store.seeds().listCollections()).isEmpty();
    }
}
