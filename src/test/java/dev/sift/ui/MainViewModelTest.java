package dev.sift.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final WorkspaceState workspace = new WorkspaceState();

    @AfterEach
    void close() {
        workspace.close();
    }

    private MainViewModel vm(String sampleResource) {
        var settings = UiSettings.load(dir);
        return new MainViewModel(workspace, settings, jobs, dialogs, new SampleProject(dir, sampleResource));
    }

    @Test
    void firstStartOpensTheSampleProjectAndImportsTheBundledSample() {
        var vm = vm(SampleProject.RESOURCE);

        vm.start(List.of());

        assertThat(workspace.store().orElseThrow().file()).isEqualTo(dir.resolve("sample.sift"));
        assertThat(jobs.visibleJobs()).containsExactly("Import sift-sample.json");
        assertThat(workspace.selectedDataset()).get().extracting(d -> d.name()).isEqualTo("sift-sample");
        assertThat(vm.statusProperty().get()).startsWith("Imported the sample dataset");
        assertThat(vm.titleBinding().get()).isEqualTo("Sift — sample.sift");
    }

    @Test
    void withoutABundledSampleTheSampleProjectOpensEmptyAndSaysSo() {
        var vm = vm("/no/such/sample.json");

        vm.start(List.of());

        assertThat(workspace.datasets()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("no bundled sample dataset");
    }

    @Test
    void laterStartsOpenTheMostRecentProject() throws Exception {
        Path project = dir.resolve("mine.sift");
        SqliteProjectStore.create(project).close();
        var first = vm(SampleProject.RESOURCE);
        first.openFile(project);
        workspace.close();

        vm(SampleProject.RESOURCE).start(List.of());

        assertThat(workspace.store().orElseThrow().file()).isEqualTo(project);
    }

    @Test
    void newProjectAddsTheExtensionAndBecomesRecent() {
        var vm = vm(SampleProject.RESOURCE);
        dialogs.willSave(dir.resolve("fresh"));

        vm.newProject();

        assertThat(workspace.store().orElseThrow().file()).isEqualTo(dir.resolve("fresh.sift"));
        assertThat(vm.recentProjects()).containsExactly(dir.resolve("fresh.sift"));
    }

    @Test
    void aMissingRecentProjectIsReportedAndForgotten() throws Exception {
        Path project = dir.resolve("gone.sift");
        SqliteProjectStore.create(project).close();
        var vm = vm(SampleProject.RESOURCE);
        vm.openFile(project);
        vm.closeProject();
        java.nio.file.Files.delete(project);

        vm.openRecent(project);

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Project not found");
        assertThat(vm.recentProjects()).isEmpty();
    }

    @Test
    void theThemeChoiceIsRemembered() {
        vm(SampleProject.RESOURCE).darkThemeProperty().set(true);

        assertThat(UiSettings.load(dir).theme()).isEqualTo(UiSettings.Theme.DARK);
        assertThat(vm(SampleProject.RESOURCE).darkThemeProperty().get()).isTrue();
    }
}
