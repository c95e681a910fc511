package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.KMeans;
import dev.sift.core.scoring.Percentiles;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brief-experience sampling with the committed tiny ONNX model and a fake sentence embedder. */
class BriefExperienceJobTest {

    private static final String[] SUBJECTS = {"the cat", "the dog", "the bird", "the fish"};
    private static final String[] VERBS = {"sat", "ran", "flew", "swam", "slept"};
    private static final String[] PLACES = {"on the mat", "over the hill", "by the river", "under the tree"};
    private static final int CLUSTERS = 4;
    private static final int PER_CLUSTER = 3;

    static OnnxCausalLm model;

    @TempDir
    Path dir;

    SqliteProjectStore store;
    long datasetId;
    TopicEmbedder embedder = new TopicEmbedder();

    @BeforeAll
    static void load() throws Exception {
        model = OnnxCausalLm.open(ScoreIfdJobTest.tinyModel());
    }

    @AfterAll
    static void unload() {
        model.close();
    }

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = store.datasets().importDataset(new NewDataset("tiny", "t.jsonl", DatasetFormat.ALPACA_JSONL),
                sink -> {
                    int index = 0;
                    for (String subject : SUBJECTS) {
                        for (int v = 0; v < VERBS.length; v++) {
                            for (int p = 0; p < 2; p++) {
                                String place = PLACES[(v + p) % PLACES.length];
                                String input = p == 1 ? "every night" : "";
                                sink.add(index++, SampleContent.single(subject + " " + VERBS[v] + " " + place, input,
                                        subject + " " + VERBS[v] + " ."));
                            }
                        }
                    }
                }).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BriefExperienceSpec spec(Path target, long seed) {
        return new BriefExperienceSpec(datasetId, DatasetFormat.ALPACA_JSONL, target, CLUSTERS, PER_CLUSTER, 25, 75,
                seed, PromptTemplate.ALPACA);
    }

    private BriefExperienceSummary run(Path target, long seed) throws Exception {
        return new BriefExperienceJob(spec(target, seed), store, model, embedder, "test").run(TestContext.running());
    }

    @Test
    void picksEvenlyFromEachClustersMiddleBandAndWritesExactlyThose() throws Exception {
        Path target = dir.resolve("brief.jsonl");

        BriefExperienceSummary summary = run(target, 7);

        assertThat(summary.samples()).isEqualTo(40);
        assertThat(summary.skipped()).isZero();
        assertThat(summary.embedded()).isEqualTo(40);
        assertThat(summary.embeddingModel()).isEqualTo(embedder.modelName());
        assertThat(summary.clusters()).isEqualTo(CLUSTERS);
        assertThat(summary.picked()).isPositive().isLessThanOrEqualTo(CLUSTERS * PER_CLUSTER);
        assertThat(summary.file()).isEqualTo(target.toAbsolutePath());
        assertThat(summary.manifest()).exists();

        // the project records the run, its settings and what it picked
        var recorded = store.runs().find(summary.runId()).orElseThrow();
        assertThat(recorded.recipe()).isEqualTo(BriefExperienceSpec.RECIPE);
        assertThat(recorded.status()).isEqualTo(dev.sift.core.store.RunStatus.SUCCEEDED);
        assertThat(recorded.datasetId()).isEqualTo(datasetId);
        assertThat(recorded.seed()).isEqualTo(7);
        assertThat(new ObjectMapper().readTree(recorded.configJson()).path("clusters").asInt()).isEqualTo(CLUSTERS);
        assertThat(recorded.doneItems()).isEqualTo(recorded.totalItems()).isEqualTo(80);
        assertThat(store.runs().events(summary.runId(), 0, 10)).extracting(e -> e.kind())
                .containsExactly("started", "succeeded");
        assertThat(store.runs().events(summary.runId(), 0, 10).get(1).message())
                .isEqualTo("picked " + summary.picked() + " of 40 samples from " + CLUSTERS
                        + " clusters into brief.jsonl");

        // the file holds exactly the picked records
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        Map<Long, Sample> byId = new HashMap<>();
        samples.forEach(s -> byId.put(s.id(), s));
        var expected = new ArrayList<String>();
        summary.pickedIds().forEach(id -> expected.add(byId.get(id).content().instruction() + "|"
                + byId.get(id).content().input()));
        var written = new ArrayList<String>();
        var json = new ObjectMapper();
        for (String line : Files.readAllLines(target)) {
            var node = json.readTree(line);
            written.add(node.path("instruction").asText() + "|" + node.path("input").asText());
        }
        assertThat(written).containsExactlyElementsOf(expected);
        assertThat(json.readTree(summary.manifest().toFile()).path("records").asInt()).isEqualTo(summary.picked());

        // every pick lies in its cluster's 25-75 perplexity band, at most PER_CLUSTER per cluster
        Map<Long, float[]> stored = store.embeddings().load(datasetId, embedder.modelName());
        double[][] points = new double[ids.length][];
        double[] perplexity = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            float[] v = stored.get(ids[i]);
            points[i] = new double[v.length];
            for (int d = 0; d < v.length; d++) {
                points[i][d] = v[d];
            }
            perplexity[i] = BriefExperienceJob.promptPerplexity(model, PromptTemplate.ALPACA, samples.get(i).content());
            assertThat(perplexity[i]).isFinite().isGreaterThan(1);
        }
        int[] labels = new KMeans(CLUSTERS, 7, 300).fit(points).labels();
        for (int c = 0; c < CLUSTERS; c++) {
            var members = new ArrayList<Integer>();
            for (int i = 0; i < ids.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            double[] values = members.stream().mapToDouble(i -> perplexity[i]).toArray();
            double low = Percentiles.linear(values, 25);
            double high = Percentiles.linear(values, 75);
            List<Integer> picks = members.stream().filter(i -> summary.pickedIds().contains(ids[i])).toList();
            if (members.size() >= PER_CLUSTER) {
                assertThat(picks).as("cluster %d", c).isNotEmpty().hasSizeLessThanOrEqualTo(PER_CLUSTER)
                        .allSatisfy(i -> assertThat(perplexity[i]).isBetween(low, high));
            } else {
                assertThat(picks).hasSize(members.size());
            }
        }
    }

    @Test
    void theSameSeedPicksTheSameSamplesAndStoredEmbeddingsAreReused() throws Exception {
        BriefExperienceSummary first = run(dir.resolve("a.json"), 3);
        int calls = embedder.calls.get();

        BriefExperienceSummary second = run(dir.resolve("b.json"), 3);

        assertThat(second.pickedIds()).isEqualTo(first.pickedIds());
        assertThat(second.embedded()).isZero();
        assertThat(embedder.calls.get()).isEqualTo(calls);
        assertThat(Files.readAllLines(dir.resolve("b.json"))).isEqualTo(Files.readAllLines(dir.resolve("a.json")));
    }

    @Test
    void aCancelledJobWritesNoFile() throws Exception {
        Path target = dir.resolve("cancelled.jsonl");
        // progress passes 40 when embedding is done; 45 is five samples into the perplexities
        assertThatThrownBy(() -> new BriefExperienceJob(spec(target, 0), store, model, embedder, "test")
                .run(TestContext.cancelledAfter(45))).isInstanceOf(JobCancelledException.class);
        assertThat(target).doesNotExist();
        assertThat(store.runs().list()).singleElement().satisfies(r -> {
            assertThat(r.recipe()).isEqualTo(BriefExperienceSpec.RECIPE);
            assertThat(r.status()).isEqualTo(dev.sift.core.store.RunStatus.CANCELLED);
        });
    }

    /** Embeds a text by the subject it starts with, plus a little of its length: four clear topics. */
    static final class TopicEmbedder implements SentenceEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String modelName() {
            return "topic-test";
        }

        @Override
        public int dimension() {
            return SUBJECTS.length + 1;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            calls.incrementAndGet();
            var result = new ArrayList<float[]>();
            for (String text : texts) {
                float[] v = new float[dimension()];
                for (int s = 0; s < SUBJECTS.length; s++) {
                    if (text.startsWith(SUBJECTS[s])) {
                        v[s] = 1;
                    }
                }
                v[SUBJECTS.length] = text.length() / 200f;
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                for (int d = 0; d < v.length; d++) {
                    v[d] /= (float) Math.sqrt(norm);
                }
                result.add(v);
            }
            return result;
        }
    }
}
