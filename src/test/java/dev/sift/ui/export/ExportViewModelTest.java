package dev.sift.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private ProjectStore store;
    private ExportViewModel vm;
    private long[] ids;

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "fruit", 8);
        ids = store.samples().ids(SampleQuery.all());
        long better = store.candidates().add(new NewCandidate(ids[1], 0, 0, CandidateOrigin.DATASET,
                OptionalInt.empty(), "Task 1 about pears", "", "A better answer", "gpt4")).id();
        store.review().record(NewReviewAction.of("choose", "curate", List.of(
                new NewDecision(ids[0], 0, DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                new NewDecision(ids[1], better, DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                new NewDecision(ids[2], 0, DecisionAction.REJECT, DecidedBy.CURATOR, 0, ""))));
        workspace.open(store);
        vm = new ExportViewModel(workspace, jobs, dialogs, "test");
    }

    @AfterEach
    void close() {
        vm.dispose();
        workspace.close();
    }

    @Test
    void previewsTheKeptRecordsAsTheyWillBeWritten() throws Exception {
        vm.formatProperty().set(DatasetFormat.ALPACA_JSONL);

        List<String> lines = vm.previewProperty().get().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(1)).path("output").asText()).isEqualTo("A better answer");
        assertThat(jobs.queries()).contains("Export preview");

        vm.contentProperty().set(ExportViewModel.Content.ALL);
        assertThat(vm.previewProperty().get().lines()).hasSize(ExportViewModel.PREVIEW);
    }

    @Test
    void exportsTheFileAndPairsAndReportsTheResult() throws Exception {
        Path target = dir.resolve("fruit-curated.json");
        Path pairs = dir.resolve("fruit-dpo.jsonl");
        dialogs.willSave(target).willSave(pairs);
        vm.chooseTarget();
        vm.choosePairsTarget();

        assertThat(vm.export()).isTrue();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(vm.resultProperty().get()).isEqualTo("Exported 2 records to fruit-curated.json (left out 1"
                + " rejected and 5 undecided) and 1 preference pairs to fruit-dpo.jsonl.");
        var records = JSON.readTree(target.toFile());
        assertThat(records).hasSize(2);
        vm.refreshPreview();
        assertThat(vm.previewProperty().get().strip()).isEqualTo(Files.readString(target).strip());
        assertThat(Files.readAllLines(pairs)).singleElement().satisfies(line ->
                assertThat(JSON.readTree(line).path("rejected").asText()).isEqualTo("Answer 1"));
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void needsAFileAndDropsThePairsForAllSamples() {
        assertThat(vm.export()).isFalse();
        assertThat(dialogs.errors()).hasSize(1);

        vm.pairsTargetProperty().set(dir.resolve("p.jsonl").toString());
        vm.contentProperty().set(ExportViewModel.Content.ALL);
        assertThat(vm.pairsTargetProperty().get()).isEmpty();
    }

    @Test
    void saysSoWhenNothingIsKept() throws Exception {
        store.review().undo();
        vm.refreshPreview();

        assertThat(vm.previewProperty().get()).startsWith("No sample of this dataset is kept yet");
    }
}
