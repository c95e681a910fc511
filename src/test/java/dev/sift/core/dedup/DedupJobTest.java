package dev.sift.core.dedup;

import dev.sift.core.job.testing.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupJobTest {

    @TempDir
    Path dir;

    private ProjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("project.sift"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void groupsSamplesWithTheSameWordsAndSavesTheScan() throws Exception {
        Dataset data = importSamples("qa",
                SampleContent.single("Name the capital of France", "", "Paris"),
                SampleContent.single("Explain photosynthesis", "", "Plants..."),
                SampleContent.single("name the capital of France", "", "It is Paris"),
                SampleContent.single("Explain photosynthesis", "briefly", "Light..."));

        DuplicateScan scan = new DedupJob(new DedupRequest(data.id(), 0.9), store, CountingEmbedder.bagOfWords())
                .run(TestContext.running());

        long[] ids = store.samples().ids(SampleQuery.dataset(data.id()));
        assertThat(scan.groups()).singleElement().satisfies(group -> {
            assertThat(group.members()).extracting(DuplicateGroup.Member::sampleId).containsExactly(ids[0], ids[2]);
            assertThat(group.members()).extracting(DuplicateGroup.Member::similarity)
                    .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(0.9));
        });
        assertThat(scan.model()).isEqualTo("bag-of-words-test");
        assertThat(scan.threshold()).isEqualTo(0.9);
        assertThat(store.duplicates().latest(data.id())).hasValueSatisfying(
                latest -> assertThat(latest.id()).isEqualTo(scan.id()));
    }

    @Test
    void embedsInBatchesSavingEachAndASecondRunEmbedsNothing() throws Exception {
        Dataset data = importMany("many", 2 * DedupJob.BATCH + 10);
        CountingEmbedder embedder = CountingEmbedder.bagOfWords();

        new DedupJob(new DedupRequest(data.id(), 0.95), store, embedder).run(TestContext.running());
        assertThat(embedder.batchSizes).containsExactly(DedupJob.BATCH, DedupJob.BATCH, 10);
        assertThat(store.embeddings().load(data.id(), embedder.modelName())).hasSize(2 * DedupJob.BATCH + 10);

        new DedupJob(new DedupRequest(data.id(), 0.95), store, embedder).run(TestContext.running());
        assertThat(embedder.calls).hasValue(3);
    }

    @Test
    void cancellingKeepsTheBatchesAlreadyEmbeddedAndSavesNoScan() throws Exception {
        Dataset data = importMany("many", 3 * DedupJob.BATCH);
        CountingEmbedder embedder = CountingEmbedder.bagOfWords();

        assertThatThrownBy(() -> new DedupJob(new DedupRequest(data.id(), 0.95), store, embedder)
                        .run(TestContext.cancelledAfter(DedupJob.BATCH)))
                .isInstanceOf(JobCancelledException.class);

        assertThat(store.embeddings().load(data.id(), embedder.modelName())).hasSize(DedupJob.BATCH);
        assertThat(store.duplicates().latest(data.id())).isEmpty();

        new DedupJob(new DedupRequest(data.id(), 0.95), store, embedder).run(TestContext.running());
        assertThat(embedder.texts()).isEqualTo(3 * DedupJob.BATCH);
    }

    @Test
    void comparesInstructionAndInputOrTheFirstUserTurn() throws Exception {
        Dataset data = importSamples("texts",
                SampleContent.single("Translate", "Hello", "Hallo"),
                new SampleContent("", "Hi", "", "Hello", List.of(new Message(Message.USER, "Hi there"),
                        new Message(Message.ASSISTANT, "Hello"), new Message(Message.USER, "Bye")), ""));
        var texts = new java.util.ArrayList<String>();
        SentenceEmbedder recording = new CountingEmbedder(CountingEmbedder.bagOfWords()) {
            @Override
            public synchronized List<float[]> embed(List<String> batch) {
                texts.addAll(batch);
                return super.embed(batch);
            }
        };

        new DedupJob(new DedupRequest(data.id(), 0.9), store, recording).run(TestContext.running());

        assertThat(texts).containsExactly("Translate\nHello", "Hi there");
    }

    @Test
    void anUnknownDatasetFailsClearly() {
        assertThatThrownBy(() -> new DedupJob(new DedupRequest(999, 0.9), store, CountingEmbedder.bagOfWords())
                        .run(TestContext.running()))
                .hasMessageContaining("no dataset with id 999");
    }

    @Test
    void thresholdMustBeAFractionOfOne() {
        assertThatThrownBy(() -> new DedupRequest(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DedupRequest(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private Dataset importSamples(String name, SampleContent... samples) throws Exception {
        return store.datasets().importDataset(new NewDataset(name, name + ".json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 0; i < samples.length; i++) {
                sink.add(i, samples[i]);
            }
        });
    }

    private Dataset importMany(String name, int count) throws Exception {
        return store.datasets().importDataset(new NewDataset(name, name + ".json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 0; i < count; i++) {
                sink.add(i, SampleContent.single("Question number " + i, "", "Answer " + i));
            }
        });
    }
}
