package dev.sift.core.dedup;

import dev.sift.core.job.testing.TestContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-duplicate detection with the real bundled model, offline. */
class MiniLmDedupTest {

    private static MiniLmEmbedder model;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = new MiniLmEmbedder();
    }

    @Test
    void embeddingsAreUnitLength384FloatsAndBlankTextIsZero() {
        List<float[]> vectors = model.embed(List.of("What is the capital of France?", "  ", "Bake bread."));

        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(0)).hasSize(384);
        assertThat(Vectors.dot(vectors.get(0), vectors.get(0))).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(vectors.get(1)).containsOnly(0f).hasSize(384);
        assertThat(Vectors.dot(vectors.get(2), vectors.get(2))).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void paraphrasesGroupAtTheDefaultThresholdAndUnrelatedInstructionsDoNot() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder(model);
        try (var store = SqliteProjectStore.create(dir.resolve("project.sift"))) {
            Dataset data = store.datasets().importDataset(new NewDataset("qa", "qa.json", DatasetFormat.ALPACA_JSON),
                    sink -> {
                        sink.add(0, SampleContent.single("What is the capital of France?", "", "Paris."));
                        sink.add(1, SampleContent.single("How do I bake sourdough bread?", "", "Start with..."));
                        sink.add(2, SampleContent.single("What's the capital city of France?", "", "Paris"));
                        sink.add(3, SampleContent.single("What is the capital of Germany?", "", "Berlin."));
                        sink.add(4, SampleContent.single("Give three tips for staying healthy.", "", "Sleep..."));
                        sink.add(5, SampleContent.single("Explain how photosynthesis works.", "", "Light..."));
                    });
            long[] ids = store.samples().ids(SampleQuery.dataset(data.id()));
            var request = new DedupRequest(data.id(), DedupRequest.DEFAULT_THRESHOLD);

            DuplicateScan first = new DedupJob(request, store, embedder).run(TestContext.running());

            assertThat(first.groups()).singleElement().satisfies(group -> assertThat(group.members())
                    .extracting(DuplicateGroup.Member::sampleId).containsExactly(ids[0], ids[2]));
            assertThat(embedder.texts()).isEqualTo(6);

            DuplicateScan second = new DedupJob(request, store, embedder).run(TestContext.running());

            assertThat(embedder.texts()).as("the second run reuses the stored embeddings").isEqualTo(6);
            assertThat(second.groups()).isEqualTo(first.groups());
        }
    }
}
