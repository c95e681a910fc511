package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection on fixed scores saved through the store (ALGORITHMS.md §3.5). */
class SelectJobTest {

    /** The §3.5 vector. */
    static final double[] IFD = {0.95, 1.20, 0.40, 0.88, Double.NaN, 0.72, 1.01, 0.66, 0.91, 0.30};

    @TempDir
    Path dir;

    SqliteProjectStore store;
    long datasetId;
    long[] samples;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = store.datasets().importDataset(new NewDataset("d", "d.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < IFD.length; i++) {
                sink.add(i, SampleContent.single("task " + i, "", i == 3 ? "As an AI language model, no." : "out " + i));
            }
        }).id();
        samples = store.samples().ids(SampleQuery.dataset(datasetId));
        for (int i = 0; i < IFD.length; i++) {
            Candidate c = store.candidates().add(new NewCandidate(samples[i], 0, 0, CandidateOrigin.ORIGINAL,
                    OptionalInt.empty(), "task " + i, "", "out " + i));
            // the ppl variant is made to rank in reverse, to see which one a method reads
            double ppl = Double.isNaN(IFD[i]) ? Double.NaN : 1.5 - IFD[i];
            store.scores().save(new NewScore(c.id(), ScoreIfdSpec.METRIC, IFD[i], "tiny", "k", 64, null, null,
                    Double.isNaN(ppl) ? "{\"ifd_ppl\":null,\"skip\":\"empty_span\"}" : "{\"ifd_ppl\":" + ppl + "}"));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    SelectSummary select(SelectSpec spec, SentenceEmbedder embedder) throws Exception {
        long runId = SelectJob.createRun(store, datasetId, spec).id();
        return new SelectJob(runId, store, embedder).run(TestContext.running());
    }

    List<Integer> chosen() throws StoreException {
        List<Integer> chosen = new ArrayList<>();
        List<Decision> decisions = store.decisions().currentByDataset(datasetId);
        assertThat(decisions).hasSize(IFD.length);
        for (int i = 0; i < samples.length; i++) {
            if (decisions.get(i).action() == DecisionAction.CHOOSE) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    @Test
    void cherryV1ChoosesTheTestVectorsPair() throws Exception {
        SelectSummary summary = select(SelectSpec.ofRate(SelectSpec.Method.CHERRY_V1, 0.3), null);

        assertThat(chosen()).containsExactly(0, 8);
        assertThat(summary.kept()).isEqualTo(7);
        assertThat(summary.selected()).isEqualTo(2);
        assertThat(summary.threshold()).isEqualTo(0.91);
        List<Decision> decisions = store.decisions().currentByDataset(datasetId);
        assertThat(decisions.get(0).reason()).isEqualTo("IFD 0.9500, rank 1 of 7");
        assertThat(decisions.get(1).reason()).isEqualTo("IFD 1.2000, above 1");
        assertThat(decisions.get(2).reason()).isEqualTo("IFD 0.4000, rank 6 of 7, below the cut");
        assertThat(decisions.get(4).reason()).isEqualTo("not scorable (empty_span)");
        assertThat(decisions).allSatisfy(d -> assertThat(d.runId()).isEqualTo(summary.runId()));
        assertThat(store.runs().find(summary.runId()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void cherryV2CountsTheRateAgainstAllSamplesAndTheRefusalFilterDropsFirst() throws Exception {
        select(new SelectSpec(SelectSpec.Method.CHERRY_V2, OptionalDouble.of(0.3), OptionalInt.empty(), true,
                OptionalInt.empty(), "tiny", "k"), null);

        // n = int(10 x 0.3) = 3 of the kept; sample 3 (0.88) is a refusal, so 0, 8 and then 5 (0.72)
        assertThat(chosen()).containsExactly(0, 5, 8);
        assertThat(store.decisions().current(samples[3]).orElseThrow().reason())
                .isEqualTo("refusal: \"as an ai language model\"");
    }

    @Test
    void superfilteringReadsIfdPplAndTheDiversityPassNarrowsTheSelection() throws Exception {
        // ppl = 1.5 - IFD: below 1 for IFD > 0.5; the top are samples 2 (1.10 -> not < 1), 9 (1.2), ...
        select(new SelectSpec(SelectSpec.Method.SUPERFILTERING, OptionalDouble.empty(), OptionalInt.of(3), false,
                OptionalInt.empty(), "", ""), null);
        assertThat(chosen()).containsExactly(3, 5, 7); // ppl 0.62, 0.78, 0.84

        SentenceEmbedder oneDimension = new SentenceEmbedder() {
            @Override
            public String modelName() {
                return "fake";
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                return texts.stream().map(t -> new float[] {Float.parseFloat(t.split("\n")[0].substring(5))}).toList();
            }
        };
        SelectSummary summary = select(new SelectSpec(SelectSpec.Method.SUPERFILTERING, OptionalDouble.empty(),
                OptionalInt.of(3), false, OptionalInt.of(1), "", ""), oneDimension);
        assertThat(summary.selected()).isEqualTo(1);
        assertThat(chosen()).containsExactly(5); // the middle point covers 3 and 7 best
        assertThat(store.decisions().current(samples[3]).orElseThrow().reason()).endsWith("left out for diversity");
    }
}
