package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.Score;
import dev.sift.core.store.ScoreLosses;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteScoreAndDecisionStoreTest {

    @TempDir
    Path dir;

    SqliteProjectStore store;
    long datasetId;
    long[] samples;
    Candidate first;
    Candidate second;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = store.datasets().importDataset(new NewDataset("d", "d.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            sink.add(0, SampleContent.single("one", "", "a"));
            sink.add(1, SampleContent.single("two", "", "b"));
        }).id();
        samples = store.samples().ids(SampleQuery.dataset(datasetId));
        first = original(samples[0], "one", "a");
        second = original(samples[1], "two", "b");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Candidate original(long sampleId, String instruction, String response) throws StoreException {
        return store.candidates().add(new NewCandidate(sampleId, 0, 0, CandidateOrigin.ORIGINAL, OptionalInt.empty(),
                instruction, "", response));
    }

    @Test
    void lossesRoundTripAsFloat32AndNanIsKeptAsNull() throws StoreException {
        Score saved = store.scores().save(new NewScore(first.id(), "ifd", 0.5, "tiny", "alpaca/cherry_v1", 64,
                new double[] {0.9, 0.4, 0.3}, new double[] {2.1, 1.2}, "{\"ifd_ppl\":0.6}"));
        store.scores().save(new NewScore(second.id(), "ifd", Double.NaN, "tiny", "alpaca/cherry_v1", 64, null, null,
                "{\"skip\":\"empty_span\"}"));

        assertThat(saved.sampleId()).isEqualTo(samples[0]);
        List<Score> scores = store.scores().list(datasetId, "ifd", "tiny", "alpaca/cherry_v1");
        assertThat(scores).extracting(Score::value).containsExactly(0.5, Double.NaN);
        assertThat(scores.get(0).maxLength()).isEqualTo(64);
        assertThat(scores.get(0).detailsJson()).isEqualTo("{\"ifd_ppl\":0.6}");
        ScoreLosses losses = store.scores().losses(saved.id()).orElseThrow();
        assertThat(losses.conditioned()).containsExactly((float) 0.9, (float) 0.4, (float) 0.3);
        assertThat(losses.direct()).containsExactly((float) 2.1, (float) 1.2);
        assertThat(store.scores().losses(scores.get(1).id()).orElseThrow().conditioned()).isEmpty();
    }

    @Test
    void savingAgainReplacesTheScoreOfTheSameGroupOnly() throws StoreException {
        store.scores().save(new NewScore(first.id(), "ifd", 0.5, "tiny", "a", 0, null, null, ""));
        store.scores().save(new NewScore(first.id(), "ifd", 0.7, "tiny", "a", 0, null, null, ""));
        store.scores().save(new NewScore(first.id(), "ifd", 0.2, "tiny", "b", 0, null, null, ""));

        assertThat(store.scores().list(datasetId, "ifd", "tiny", "a")).extracting(Score::value).containsExactly(0.7);
        assertThat(store.scores().scoredCandidateIds(datasetId, "ifd", "tiny", "b")).containsExactly(first.id());
        assertThat(store.scores().groups(datasetId, "ifd")).hasSize(2);
        assertThatThrownBy(() -> store.scores().save(new NewScore(999, "ifd", 1, "tiny", "a", 0, null, null, "")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void theCurrentDecisionIsTheNewestNotUndone() throws StoreException {
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(samples[0], first.id(), DecisionAction.CHOOSE, 0, "IFD 0.9, rank 1 of 2"),
                NewDecision.byAlgorithm(samples[1], second.id(), DecisionAction.REJECT, 0, "IFD 1.2 > 1")));
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(samples[0], first.id(), DecisionAction.REJECT, 0, "second thoughts")));

        Decision current = store.decisions().current(samples[0]).orElseThrow();
        assertThat(current.action()).isEqualTo(DecisionAction.REJECT);
        assertThat(store.decisions().undo(current.id())).isTrue();
        assertThat(store.decisions().undo(current.id())).isFalse();
        assertThat(store.decisions().current(samples[0]).orElseThrow().reason()).isEqualTo("IFD 0.9, rank 1 of 2");
        assertThat(store.decisions().currentByDataset(datasetId)).extracting(Decision::action)
                .containsExactly(DecisionAction.CHOOSE, DecisionAction.REJECT);
    }

    @Test
    void undoingARunRestoresWhatWasInForceBeforeIt() throws StoreException {
        long earlier = store.runs().create(new dev.sift.core.store.NewRun("select-cherry", datasetId, "{}", 0,
                java.util.OptionalDouble.empty())).id();
        long later = store.runs().create(new dev.sift.core.store.NewRun("select-cherry", datasetId, "{}", 0,
                java.util.OptionalDouble.empty())).id();
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(samples[0], first.id(), DecisionAction.CHOOSE, earlier, "kept"),
                NewDecision.byAlgorithm(samples[1], second.id(), DecisionAction.CHOOSE, earlier, "kept")));
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(samples[0], first.id(), DecisionAction.REJECT, later, "cut"),
                NewDecision.byAlgorithm(samples[1], second.id(), DecisionAction.REJECT, later, "cut")));

        assertThat(store.decisions().undoRun(later)).isEqualTo(2);
        assertThat(store.decisions().undoRun(later)).as("already undone").isZero();

        assertThat(store.decisions().currentByDataset(datasetId)).extracting(Decision::action, Decision::runId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DecisionAction.CHOOSE, earlier),
                        org.assertj.core.groups.Tuple.tuple(DecisionAction.CHOOSE, earlier));
        assertThat(store.decisions().listByRun(later)).allSatisfy(d -> assertThat(d.undoneAt()).isPresent());
    }

    @Test
    void aBulkInsertIsAllOrNothing() throws StoreException {
        assertThatThrownBy(() -> store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(samples[0], 0, DecisionAction.CHOOSE, 0, ""),
                NewDecision.byAlgorithm(999_999, 0, DecisionAction.CHOOSE, 0, ""))))
                .isInstanceOf(StoreException.class);

        assertThat(store.decisions().current(samples[0])).isEmpty();
    }
}
