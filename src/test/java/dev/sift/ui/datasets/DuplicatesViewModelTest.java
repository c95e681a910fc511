package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.dedup.DedupRequest;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesViewModelTest {

    @TempDir
    Path dir;

    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final DuplicatesViewModel vm = new DuplicatesViewModel(jobs, dialogs, TestProjects.WordEmbedder::new);
    private ProjectStore store;
    private Dataset dataset;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("d.sift"));
        var texts = List.of("Explain photosynthesis to a child", "explain photosynthesis to a child!",
                "Write a haiku about autumn", "List three prime numbers", "Explain photosynthesis, to a child");
        dataset = store.datasets().importDataset(new NewDataset("d", "d.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < texts.size(); i++) {
                sink.add(i, SampleContent.single(texts.get(i), "", "out " + i));
            }
        });
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    @Test
    void startsWithTheDefaultThresholdAndNoScan() {
        vm.show(store, dataset);

        assertThat(vm.thresholdProperty().get()).isEqualTo(DedupRequest.DEFAULT_THRESHOLD);
        assertThat(vm.groups()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("Not scanned yet");
    }

    @Test
    void findsGroupsAndShowsWhyTheyMatched() {
        vm.show(store, dataset);

        vm.findDuplicates();

        assertThat(jobs.visibleJobs()).containsExactly("Find near duplicates in d");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.groups()).singleElement().satisfies(group -> {
            assertThat(group.size()).isEqualTo(3);
            assertThat(group.representative()).containsIgnoringCase("photosynthesis");
            assertThat(group.members()).allSatisfy(m -> assertThat(m.similarity()).isGreaterThanOrEqualTo(0.92));
            assertThat(group.members().get(1).label()).matches("1[.,]000 similar · record \\d · .*photosynthesis.*");
        });
        assertThat(vm.summaryProperty().get()).contains("1 groups").contains("2 samples could go");
    }

    @Test
    void showsTheLatestScanWhenTheDatasetIsShownAgain() {
        vm.show(store, dataset);
        vm.findDuplicates();

        var again = new DuplicatesViewModel(jobs, dialogs, TestProjects.WordEmbedder::new);
        again.show(store, dataset);

        assertThat(again.groups()).hasSize(1);
    }

    @Test
    void aFailingScanShowsTheReason() {
        var failing = new DuplicatesViewModel(jobs, dialogs, () -> {
            throw new IllegalStateException("the embedding model could not be loaded");
        });
        failing.show(store, dataset);

        failing.findDuplicates();

        assertThat(dialogs.errors()).containsExactly(
                "Finding near duplicates failed: the embedding model could not be loaded");
        assertThat(failing.runningProperty().get()).isFalse();
    }
}
