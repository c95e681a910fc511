package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.ScoreGroup;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteReviewStoreTest {

    private static final String[] TEXTS = {"Explain photosynthesis", "Write a haiku about rain", "Sort a list in Java",
        "Name three rivers"};

    @TempDir
    Path dir;

    private ProjectStore store;
    private long datasetId;
    private long[] samples;
    private long[] originals;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = addDataset("main", TEXTS);
        samples = store.samples().ids(SampleQuery.dataset(datasetId));
        originals = new long[samples.length];
        for (int i = 0; i < samples.length; i++) {
            originals[i] = store.candidates().add(new NewCandidate(samples[i], 0, 0, CandidateOrigin.ORIGINAL,
                    OptionalInt.empty(), TEXTS[i], "", "answer " + i)).id();
        }
    }

    private long addDataset(String name, String[] texts) throws StoreException {
        return store.datasets().importDataset(new NewDataset(name, name + ".jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < texts.length; i++) {
                sink.add(i, SampleContent.single(texts[i], "", "answer " + i));
            }
        }).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private NewReviewAction choose(int sample, long candidate) {
        return NewReviewAction.of("choose", "choose for sample " + sample, List.of(
                new NewDecision(samples[sample], candidate, DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, "")));
    }

    private ReviewState state(int sample) throws StoreException {
        return store.decisions().current(samples[sample]).map(d -> ReviewState.of(d.action()))
                .orElse(ReviewState.UNDECIDED);
    }

    @Test
    void undoAndRedoTakeBackAndRestoreWholeActionsInOrder() throws Exception {
        store.review().record(choose(0, originals[0]));
        ReviewAction bulk = store.review().record(NewReviewAction.of("bulk-reject", "reject 2", List.of(
                new NewDecision(samples[1], 0, DecisionAction.REJECT, DecidedBy.CURATOR, 0, "bulk"),
                new NewDecision(samples[2], 0, DecisionAction.REJECT, DecidedBy.CURATOR, 0, "bulk"))));
        assertThat(bulk.sampleCount()).isEqualTo(2);
        assertThat(bulk.firstSampleId()).isEqualTo(samples[1]);

        assertThat(store.review().undo()).get().extracting(ReviewAction::id).isEqualTo(bulk.id());
        assertThat(state(1)).isEqualTo(ReviewState.UNDECIDED);
        assertThat(state(2)).isEqualTo(ReviewState.UNDECIDED);
        assertThat(state(0)).isEqualTo(ReviewState.CHOSEN);
        assertThat(store.review().nextRedo()).get().extracting(ReviewAction::id).isEqualTo(bulk.id());

        store.review().undo();
        assertThat(state(0)).isEqualTo(ReviewState.UNDECIDED);
        assertThat(store.review().undo()).isEmpty();

        store.review().redo();
        assertThat(state(0)).isEqualTo(ReviewState.CHOSEN);
        assertThat(state(1)).isEqualTo(ReviewState.UNDECIDED);
        assertThat(store.review().redo()).get().extracting(ReviewAction::undoneAt).isEqualTo(java.util.Optional.empty());
        assertThat(state(1)).isEqualTo(ReviewState.REJECTED);
        assertThat(store.review().redo()).isEmpty();
    }

    @Test
    void aNewActionAfterAnUndoEndsTheRedoHistory() throws Exception {
        store.review().record(choose(0, originals[0]));
        store.review().undo();

        store.review().record(choose(1, originals[1]));

        assertThat(store.review().nextRedo()).isEmpty();
        assertThat(store.review().nextUndo()).get().extracting(ReviewAction::description)
                .isEqualTo("choose for sample 1");
    }

    @Test
    void theHistorySurvivesReopeningTheProject() throws Exception {
        store.review().record(choose(0, originals[0]));
        store.review().record(choose(1, originals[1]));
        store.review().undo();
        store.close();

        store = SqliteProjectStore.open(dir.resolve("p.sift"));

        assertThat(store.review().nextRedo()).get().extracting(ReviewAction::description)
                .isEqualTo("choose for sample 1");
        assertThat(store.review().history(10)).extracting(ReviewAction::description)
                .containsExactly("choose for sample 1", "choose for sample 0");
        store.review().redo();
        assertThat(state(1)).isEqualTo(ReviewState.CHOSEN);
    }

    @Test
    void undoLeavesTheAlgorithmsDecisionsAlone() throws Exception {
        long run = store.runs().create(new NewRun("select", datasetId, "{}", 0, OptionalDouble.empty())).id();
        store.decisions().addAll(List.of(NewDecision.byAlgorithm(samples[0], originals[0], DecisionAction.REJECT,
                run, "IFD 1.2")));
        store.review().record(choose(0, originals[0]));

        store.review().undo();
        store.review().undo();

        assertThat(state(0)).as("the algorithm's rejection holds again").isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void anEditIsANewCuratorCandidateKeptByOneAction() throws Exception {
        store.review().edit(samples[2], "Sort a list in Java", "", "Use List.sort(null).", "edit sample 2");

        Candidate edited = store.candidates().listBySample(samples[2]).get(1);
        assertThat(edited.origin()).isEqualTo(CandidateOrigin.CURATOR);
        assertThat(edited.source()).isEqualTo("curator");
        assertThat(edited.response()).isEqualTo("Use List.sort(null).");
        assertThat(store.decisions().current(samples[2])).get().satisfies(d -> {
            assertThat(d.action()).isEqualTo(DecisionAction.EDIT);
            assertThat(d.candidateId()).isEqualTo(edited.id());
        });

        store.review().undo();

        assertThat(state(2)).isEqualTo(ReviewState.UNDECIDED);
        assertThat(store.candidates().listBySample(samples[2])).as("the text is kept for a redo").hasSize(2);
    }

    @Test
    void notesAreActionsToo() throws Exception {
        var note = new NewReviewAction.Note(samples[0], "check the units");
        store.review().record(new NewReviewAction("note", "note on sample 0", List.of(), List.of(note)));
        assertThat(store.review().note(samples[0])).hasValue("check the units");

        store.review().record(new NewReviewAction("note", "clear the note", List.of(),
                List.of(new NewReviewAction.Note(samples[0], ""))));
        assertThat(store.review().note(samples[0])).isEmpty();

        store.review().undo();
        assertThat(store.review().note(samples[0])).hasValue("check the units");
    }

    @Test
    void actionsHoldCuratorDecisionsOnly() {
        assertThatThrownBy(() -> NewReviewAction.of("x", "x", List.of(NewDecision.byAlgorithm(1, 1,
                DecisionAction.CHOOSE, 1, "")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewReviewAction.of("x", "x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsCarryDecisionsTheShownCandidateItsScoresAndNotes() throws Exception {
        long run = store.runs().create(new NewRun("select", datasetId, "{}", 0, OptionalDouble.empty())).id();
        long generated = store.candidates().add(NewCandidate.generated(samples[1], run, TEXTS[1], "", "drops")).id();
        store.scores().save(new NewScore(originals[0], "ifd", 0.7, "tiny", "alpaca", 64, null, null,
                "{\"ifd_ppl\":0.65}"));
        store.scores().save(new NewScore(generated, "ifd", 0.9, "tiny", "alpaca", 64, null, null, "{}"));
        store.scores().save(new NewScore(originals[1], "ifd", 0.4, "tiny", "alpaca", 64, null, null, "{}"));
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(samples[0], originals[0], DecisionAction.CHOOSE, run, ""),
                NewDecision.byAlgorithm(samples[1], generated, DecisionAction.CHOOSE, run, ""),
                NewDecision.byAlgorithm(samples[2], originals[2], DecisionAction.CHOOSE, run, "")));
        store.review().record(NewReviewAction.of("reject", "reject 2", List.of(
                new NewDecision(samples[2], originals[2], DecisionAction.REJECT, DecidedBy.CURATOR, 0, ""))));
        store.review().record(new NewReviewAction("note", "n", List.of(),
                List.of(new NewReviewAction.Note(samples[3], "odd"))));
        var group = new ScoreGroup("ifd", "tiny", "alpaca", 3);

        ReviewRows rows = store.review().rows(new long[] {datasetId},
                List.of(ScoreColumn.value("ifd", group), new ScoreColumn("ifd_ppl", group, "ifd_ppl")));

        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.state(0)).isEqualTo(ReviewState.CHOSEN);
        assertThat(rows.maker(0)).isEqualTo(ReviewRows.Maker.ALGORITHM);
        assertThat(rows.score(0, 0)).isEqualTo(0.7);
        assertThat(rows.score(rows.column("ifd_ppl"), 0)).isEqualTo(0.65);
        assertThat(rows.shownCandidate(1)).isEqualTo(generated);
        assertThat(rows.shownOrigin(1)).isEqualTo(CandidateOrigin.GENERATED);
        assertThat(rows.shownRun(1)).isEqualTo(run);
        assertThat(rows.score(0, 1)).as("the shown candidate's score, not the original's").isEqualTo(0.9);
        assertThat(rows.score(1, 1)).isNaN();
        assertThat(rows.candidateCount(1)).isEqualTo(2);
        assertThat(rows.state(2)).isEqualTo(ReviewState.REJECTED);
        assertThat(rows.maker(2)).isEqualTo(ReviewRows.Maker.CURATOR);
        assertThat(rows.algorithmState(2)).isEqualTo(ReviewState.CHOSEN);
        assertThat(rows.algorithmRun(2)).isEqualTo(run);
        assertThat(rows.curatorState(2)).isEqualTo(ReviewState.REJECTED);
        assertThat(rows.state(3)).isEqualTo(ReviewState.UNDECIDED);
        assertThat(rows.hasNote(3)).isTrue();
        assertThat(rows.hasNote(0)).isFalse();
        assertThat(rows.rowOf(samples[3])).hasValue(3);
        assertThat(rows.rowOf(-1)).isEmpty();
    }

    @Test
    void aSampleWithoutAStoredOriginalCountsTheRecordItselfAsACandidate() throws Exception {
        long other = addDataset("other", new String[] {"Describe a volcano"});
        long sample = store.samples().ids(SampleQuery.dataset(other))[0];
        ReviewRows bare = store.review().rows(new long[] {other}, List.of());
        assertThat(bare.candidateCount(0)).isEqualTo(1);
        assertThat(bare.shownCandidate(0)).isZero();

        store.candidates().add(new NewCandidate(sample, 0, 0, CandidateOrigin.DATASET, OptionalInt.empty(),
                "Describe a volcano", "", "A mountain that erupts.", "gpt4"));

        assertThat(store.review().rows(new long[] {other}, List.of()).candidateCount(0)).isEqualTo(2);
    }

    @Test
    void rowsOfAFewSamplesMergedIntoLoadedRowsEqualAFullReload() throws Exception {
        var group = new ScoreGroup("ifd", "tiny", "alpaca", 4);
        for (int i = 0; i < samples.length; i++) {
            store.scores().save(new NewScore(originals[i], "ifd", 0.1 * (i + 1), "tiny", "alpaca", 64, null, null, ""));
        }
        long edited = store.candidates().add(NewCandidate.generated(samples[1], 0, TEXTS[1], "", "a new answer")).id();
        store.scores().save(new NewScore(edited, "ifd", 0.95, "tiny", "alpaca", 64, null, null, ""));
        List<ScoreColumn> columns = List.of(ScoreColumn.value("ifd", group));
        long[] scope = {datasetId};
        ReviewRows before = store.review().rows(scope, columns);

        store.review().record(choose(1, edited));
        store.review().record(new NewReviewAction("note", "n", List.of(),
                List.of(new NewReviewAction.Note(samples[1], "better"))));
        ReviewRows changed = store.review().rowsOf(scope, columns, new long[] {samples[1]});
        ReviewRows merged = before.withRows(changed);
        ReviewRows full = store.review().rows(scope, columns);

        assertThat(changed.size()).isEqualTo(1);
        assertThat(changed.shownCandidate(0)).isEqualTo(edited);
        assertThat(changed.score(0, 0)).isEqualTo(0.95);
        for (int r = 0; r < full.size(); r++) {
            assertThat(merged.sampleId(r)).isEqualTo(full.sampleId(r));
            assertThat(merged.state(r)).isEqualTo(full.state(r));
            assertThat(merged.maker(r)).isEqualTo(full.maker(r));
            assertThat(merged.shownCandidate(r)).isEqualTo(full.shownCandidate(r));
            assertThat(merged.candidateCount(r)).isEqualTo(full.candidateCount(r));
            assertThat(merged.hasNote(r)).isEqualTo(full.hasNote(r));
            assertThat(merged.score(0, r)).isEqualTo(full.score(0, r));
        }
        assertThat(before.state(1)).as("the loaded rows are left as they were").isEqualTo(ReviewState.UNDECIDED);
        assertThatThrownBy(() -> before.withRows(store.review().rowsOf(scope, List.of(), new long[] {samples[1]})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchFindsEveryWordAsAPrefixInTheSampleAndItsCandidates() throws Exception {
        long[] scope = {datasetId};
        assertThat(store.review().search("photo", scope)).containsExactly(samples[0]);
        assertThat(store.review().search("HAIKU rain", scope)).containsExactly(samples[1]);
        assertThat(store.review().search("haiku java", scope)).isEmpty();
        assertThat(store.review().search("  ", scope)).containsExactly(samples);

        store.candidates().add(NewCandidate.generated(samples[3], 0, TEXTS[3], "", "The Danube, the Nile, the Amazon"));
        assertThat(store.review().search("danube", scope)).as("a new candidate is indexed on the next search")
                .containsExactly(samples[3]);
    }

    @Test
    void searchStaysRightWhenADatasetIsDeletedAndItsIdsComeBack() throws Exception {
        long other = addDataset("other", new String[] {"Describe a volcano"});
        assertThat(store.review().search("volcano", new long[] {other})).hasSize(1);
        store.datasets().delete(other);

        long again = addDataset("again", new String[] {"Describe a glacier"});

        assertThat(store.review().search("glacier", new long[] {again})).hasSize(1);
        assertThat(store.review().search("volcano", new long[] {again, datasetId})).isEmpty();
    }

    @Test
    void searchIndexesLargeProjectsChunkByChunk() throws Exception {
        int n = ReviewSearchIndex.CHUNK * 2 + 17;
        String[] many = new String[n];
        for (int i = 0; i < n; i++) {
            many[i] = "item number" + i + (i == n - 1 ? " zebra" : "");
        }
        long big = addDataset("big", many);

        assertThat(store.review().search("item", new long[] {big})).hasSize(n);
        assertThat(store.review().search("zebra", new long[] {big})).hasSize(1);
    }
}
