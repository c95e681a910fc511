package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.pipeline.BriefExperienceSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brief-experience sampling from the workbench, with the committed tiny ONNX model. */
class BriefExperienceViewModelTest {

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private ProjectStore store;
    private BriefExperienceViewModel vm;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 24);
        workspace.open(store);
        vm = new BriefExperienceViewModel(workspace, jobs, dialogs, TestProjects.WordEmbedder::new, "test");
    }

    @AfterEach
    void close() {
        vm.dispose();
        workspace.close();
    }

    @Test
    void writesTheSubsetAndRecordsTheRun() throws Exception {
        Path target = dir.resolve("brief.json");
        dialogs.willChooseFolder(tinyModel()).willSave(target);
        vm.clustersProperty().set(3);
        vm.perClusterProperty().set(2);
        vm.formatProperty().set(DatasetFormat.ALPACA_JSON);

        vm.run();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(jobs.visibleJobs()).containsExactly("Brief-experience sample with tiny");
        var records = new ObjectMapper().readTree(target.toFile());
        assertThat(records.isArray()).isTrue();
        assertThat(records.size()).isBetween(3, 6);
        Run run = store.runs().list().get(0);
        assertThat(run.recipe()).isEqualTo(BriefExperienceSpec.RECIPE);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(vm.statusProperty().get()).isEqualTo("Run " + run.id() + ": picked " + records.size()
                + " of 24 samples from 3 clusters into brief.json.");
        assertThat(vm.canRunProperty().get()).isTrue();
        assertThat(store.decisions().currentByDataset(workspace.selectedDataset().orElseThrow().id())).isEmpty();
    }

    @Test
    void cancellingAChooserStartsNothing() throws Exception {
        dialogs.willChooseFolder(tinyModel());

        vm.run();

        assertThat(jobs.visibleJobs()).isEmpty();
        assertThat(store.runs().list()).isEmpty();
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void aFolderWithoutAModelIsReportedAndWritesNothing() throws Exception {
        Path target = dir.resolve("brief.jsonl");
        dialogs.willChooseFolder(Files.createDirectories(dir.resolve("empty"))).willSave(target);

        vm.run();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Brief-experience sampling failed: ");
        assertThat(target).doesNotExist();
        assertThat(vm.statusProperty().get()).isEqualTo("Brief-experience sampling failed.");
    }

    private static Path tinyModel() {
        try {
            return Path.of(BriefExperienceViewModelTest.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx")
                    .toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
