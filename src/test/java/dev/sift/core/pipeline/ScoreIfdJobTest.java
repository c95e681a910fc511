package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.Score;
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
        datasetId = store.datasets().importDataset(new NewDataset("tiny", "t.jsonl", DatasetFormat.ALPACA_JSONL),
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
        return store.scores().list(datasetId, ScoreIfdSpec.METRIC, model.name(), spec.scoreKey());
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
    void aCancelledRunResumesWithoutScoringTwice() throws Exception {
        long first = ScoreIfdJob.createRun(store, datasetId, SPEC).id();
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
}
