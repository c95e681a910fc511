package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.Score;
import dev.sift.core.store.ScoreLosses;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IFD scoring with the committed tiny ONNX model (its vocabulary: simple words like "the cat sat on the mat"). */
class ScoreIfdJobTest {

    static final String[][] RECORDS = {
        {"the cat sat", "", "the cat sat on the mat ."},
        {"the dog ran", "over the hill", "the dog ran over the hill and sat ."},
        {"the bird flew", "", "the small bird flew over the blue river ."},
        {"we see the moon", "", "we see the old moon every night ."},
        {"the sun shines", "", "the big sun shines on the green tree every morning ."},
        {"they like fish", "", ""},
    };
    static final ScoreIfdSpec SPEC =
            new ScoreIfdSpec("tiny", "superfiltering", IfdOptions.superfiltering().withMaxLength(64));

    static OnnxCausalLm model;

    @TempDir
    Path dir;

    SqliteProjectStore store;
    long datasetId;

    @BeforeAll
    static void load() throws Exception {
        model = OnnxCausalLm.open(tinyModel());
    }

    @AfterAll
    static void unload() {
        model.close();
    }

    static Path tinyModel() throws Exception {
        return Path.of(ScoreIfdJobTest.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent();
    }

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = importRecords("tiny");
    }

    long importRecords(String name) throws StoreException {
        return store.datasets().importDataset(new NewDataset(name, "t.jsonl", DatasetFormat.ALPACA_JSONL),
                sink -> {
                    for (int i = 0; i < RECORDS.length; i++) {
                        sink.add(i, SampleContent.single(RECORDS[i][0], RECORDS[i][1], RECORDS[i][2]));
                    }
                }).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    List<Score> scores(ScoreIfdSpec spec) throws StoreException {
        return scores(datasetId, spec);
    }

    List<Score> scores(long dataset, ScoreIfdSpec spec) throws StoreException {
        return store.scores().list(dataset, ScoreIfdSpec.METRIC, model.name(), spec.scoreKey());
    }

    @Test
    void scoresEverySampleOnItsOriginalAndKeepsTheLosses() throws Exception {
        long runId = ScoreIfdJob.createRun(store, datasetId, SPEC).id();

        ScoreIfdSummary summary = new ScoreIfdJob(runId, store, model).run(TestContext.running());

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(summary.scored()).isEqualTo(5);
        assertThat(summary.unscorable()).isEqualTo(1); // the empty response
        List<Score> scores = scores(SPEC);
        assertThat(scores).hasSize(6);
        assertThat(scores.subList(0, 5)).allSatisfy(s -> {
            assertThat(s.value()).isFinite().isPositive();
            assertThat(s.detailsJson()).contains("\"ifd_ppl\":").contains("\"skip\":\"none\"");
        });
        assertThat(scores.get(5).value()).isNaN();
        assertThat(scores.get(5).detailsJson()).contains("\"skip\":\"empty_response\"");
        double[] conditioned = store.scores().losses(scores.get(0).id()).orElseThrow().conditioned();
        assertThat(conditioned).isNotEmpty();
        long sampleId = store.samples().ids(SampleQuery.dataset(datasetId))[0];
        List<Candidate> candidates = store.candidates().listBySample(sampleId);
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.origin()).isEqualTo(CandidateOrigin.ORIGINAL);
            assertThat(c.id()).isEqualTo(scores.get(0).candidateId());
        });
        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aCancelledRunKeepsItsFinishedBatchesAndResumesWithoutScoringTwice() throws Exception {
        long first = ScoreIfdJob.createRun(store, datasetId, SPEC.withBatchSize(2)).id();
        assertThatThrownBy(() -> new ScoreIfdJob(first, store, model).run(TestContext.cancelledAfter(2)))
                .isInstanceOf(JobCancelledException.class);
        assertThat(store.runs().find(first).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(scores(SPEC)).hasSize(2);

        long second = ScoreIfdJob.createRun(store, datasetId, SPEC).id();
        ScoreIfdSummary summary = new ScoreIfdJob(second, store, model).run(TestContext.running());

        assertThat(summary.alreadyDone()).isEqualTo(2);
        assertThat(summary.scored() + summary.unscorable()).isEqualTo(4);
        assertThat(scores(SPEC)).hasSize(6);
        assertThat(store.candidates().listBySample(store.samples().ids(SampleQuery.dataset(datasetId))[0])).hasSize(1);
    }

    @Test
    void aScorerCallFailingBecauseOfTheCancelEndsTheRunCancelledNotFailed() throws Exception {
        long runId = ScoreIfdJob.createRun(store, datasetId, SPEC.withBatchSize(2)).id();
        TestContext context = TestContext.cancelledAfter(Long.MAX_VALUE);
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        // as a remote scorer does: the cancel interrupts its call, which then fails
        CausalLmScorer interrupted = new CausalLmScorer() {
            @Override
            public int[] encode(String text, boolean addBos) {
                return model.encode(text, addBos);
            }

            @Override
            public double[] tokenNll(int[] ids) {
                return model.tokenNll(ids);
            }

            @Override
            public List<double[]> tokenNll(List<int[]> batch) {
                if (calls.incrementAndGet() == 2) {
                    context.cancelNow();
                    throw new IllegalStateException("endpoint vllm: the call was interrupted");
                }
                return model.tokenNll(batch);
            }

            @Override
            public int maxLength() {
                return model.maxLength();
            }

            @Override
            public String name() {
                return model.name();
            }
        };

        assertThatThrownBy(() -> new ScoreIfdJob(runId, store, interrupted).run(context))
                .isInstanceOf(JobCancelledException.class);

        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(scores(SPEC)).as("the first batch is kept").hasSize(2);
    }

    @Test
    void otherSettingsAreScoredSeparatelyAndCherryV1UsesTheResponseHeader() throws Exception {
        new ScoreIfdJob(ScoreIfdJob.createRun(store, datasetId, SPEC).id(), store, model).run(TestContext.running());
        var cherry = new ScoreIfdSpec("tiny", "cherry-v1",
                IfdOptions.cherryV1().withTemplate(PromptTemplate.WIZ).withMaxLength(64));

        ScoreIfdSummary summary = new ScoreIfdJob(ScoreIfdJob.createRun(store, datasetId, cherry).id(), store, model)
                .run(TestContext.running());

        assertThat(summary.alreadyDone()).isZero();
        assertThat(scores(cherry)).hasSize(6);
        assertThat(cherry.scoreKey()).isEqualTo("wiz/cherry_v1/concatenate/64");
        assertThat(ScoreIfdSpec.fromConfigJson(cherry.toConfigJson())).isEqualTo(cherry);
        assertThat(store.scores().groups(datasetId, ScoreIfdSpec.METRIC)).hasSize(2);
    }

    @Test
    void batchedScoresEqualOneByOneScoresWhateverTheBatchSize() throws Exception {
        var cherry = new ScoreIfdSpec("tiny", "cherry-v1", IfdOptions.cherryV1().withMaxLength(32));
        for (ScoreIfdSpec spec : List.of(SPEC, cherry)) {
            long one = importRecords("one by one " + spec.mode());
            long batched = importRecords("batched " + spec.mode());
            new ScoreIfdJob(ScoreIfdJob.createRun(store, one, spec.withBatchSize(1)).id(), store, model)
                    .run(TestContext.running());
            ScoreIfdSummary summary = new ScoreIfdJob(ScoreIfdJob.createRun(store, batched, spec.withBatchSize(4)).id(),
                    store, model).run(TestContext.running());

            assertThat(summary.scored() + summary.unscorable()).isEqualTo(RECORDS.length);
            List<Score> expected = scores(one, spec);
            List<Score> actual = scores(batched, spec);
            assertThat(actual).hasSameSizeAs(expected).hasSize(RECORDS.length);
            for (int i = 0; i < expected.size(); i++) {
                Score e = expected.get(i);
                Score a = actual.get(i);
                if (Double.isNaN(e.value())) {
                    assertThat(a.value()).isNaN();
                } else {
                    assertThat(a.value()).isCloseTo(e.value(), within(1e-5));
                }
                ScoreLosses el = store.scores().losses(e.id()).orElseThrow();
                ScoreLosses al = store.scores().losses(a.id()).orElseThrow();
                assertClose(al.conditioned(), el.conditioned());
                assertClose(al.direct(), el.direct());
            }
        }
    }

    @Test
    void theBatchSizeIsKeptWithTheRunButIsNoPartOfTheScoreKey() {
        ScoreIfdSpec spec = SPEC.withBatchSize(3);

        assertThat(ScoreIfdSpec.fromConfigJson(spec.toConfigJson())).isEqualTo(spec);
        assertThat(spec.scoreKey()).isEqualTo(SPEC.scoreKey());
        assertThat(SPEC.batchSize()).isEqualTo(ScoreIfdSpec.DEFAULT_BATCH_SIZE).isEqualTo(8);
        String older = SPEC.toConfigJson().replace(",\"batchSize\":8", "");
        assertThat(older).doesNotContain("batchSize");
        assertThat(ScoreIfdSpec.fromConfigJson(older).batchSize()).isEqualTo(8);
        assertThatThrownBy(() -> SPEC.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).isCloseTo(expected[t], within(1e-5));
        }
    }
}
