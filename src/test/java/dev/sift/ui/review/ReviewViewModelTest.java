package dev.sift.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.review.BulkRule;
import dev.sift.core.review.CandidateDetail;
import dev.sift.core.review.ReviewFilter;
import dev.sift.core.review.ScoreRange;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.Debouncer;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewViewModelTest {

    @TempDir
    Path dir;

    private ReviewFixture fixture;
    private final WorkspaceState workspace = new WorkspaceState();
    private final HeldQueries jobs = new HeldQueries();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final ScriptedReviewDialogs reviewDialogs = new ScriptedReviewDialogs();
    private ReviewViewModel vm;

    @BeforeEach
    void open() throws Exception {
        fixture = ReviewFixture.create(dir, "fruit");
        workspace.open(fixture.store);
        vm = newViewModel();
    }

    private ReviewViewModel newViewModel() {
        return new ReviewViewModel(workspace, jobs, Debouncer.immediate(), dialogs, reviewDialogs);
    }

    @AfterEach
    void close() {
        vm.dispose();
        workspace.close();
    }

    @Test
    void loadsEverySampleOfTheDatasetWithItsScoreColumnsAndShowsTheFirst() {
        assertThat(vm.rows()).hasSize(6);
        assertThat(vm.statusProperty().get()).isEqualTo("6 of 6 samples");
        assertThat(vm.columns()).extracting(ScoreColumn::key).containsExactly("ifd", "ifd_ppl", "judge");
        assertThat(vm.currentProperty().get()).isZero();
        assertThat(vm.detailProperty().get().sample().id()).isEqualTo(fixture.samples[0]);
        assertThat(vm.detailProperty().get().candidates()).extracting(CandidateDetail::origin)
                .containsExactly(CandidateOrigin.ORIGINAL, CandidateOrigin.GENERATED);
        assertThat(vm.textAt(0)).hasValueSatisfying(t -> {
            assertThat(t.instruction()).isEqualTo("Task 0 about apples");
            assertThat(t.response()).as("the algorithm's choice is shown").isEqualTo("Better answer 0");
        });
        assertThat(vm.textAt(4).orElseThrow().response()).isEqualTo("Answer 4");
    }

    @Test
    void theAgentPairsAreListedByNameAndFilterTheirCandidates() throws Exception {
        var store = fixture.store;
        var endpoint = store.endpoints().add(dev.sift.core.model.Endpoint.openAi("e", "http://127.0.0.1:1/v1", ""));
        var writer = store.agents().add(new dev.sift.core.model.Agent(0, "writer", endpoint.id(), "", "m",
                dev.sift.core.model.AgentRole.INSTRUCTION_REWRITER, "", "{}"));
        var answerer = store.agents().add(new dev.sift.core.model.Agent(0, "answerer", endpoint.id(), "", "m",
                dev.sift.core.model.AgentRole.RESPONDER, "", "{}"));
        var pair = store.agents().addPair(new dev.sift.core.model.AgentPair(0, "writer+answerer", writer.id(),
                answerer.id()));
        long made = store.candidates().add(new dev.sift.core.store.NewCandidate(fixture.samples[5], fixture.runId,
                pair.id(), CandidateOrigin.GENERATED, java.util.OptionalInt.empty(), "Task 5", "", "Paired answer"))
                .id();
        store.decisions().addAll(List.of(dev.sift.core.store.NewDecision.byAlgorithm(fixture.samples[5], made,
                dev.sift.core.store.DecisionAction.CHOOSE, fixture.runId, "")));
        vm.dispose();
        vm = newViewModel();

        assertThat(vm.pairs()).extracting(dev.sift.core.model.AgentPair::name).containsExactly("writer+answerer");
        assertThat(vm.pairName(pair.id())).isEqualTo("writer+answerer");
        assertThat(vm.pairName(999)).isEqualTo("pair 999");
        assertThat(samplesFor(ReviewFilter.all().withPairs(Set.of(pair.id())))).containsExactly(5);
        assertThat(vm.filterExpression()).isEqualTo("pair=" + pair.id());
    }

    @Test
    void eachFilterKindNarrowsTheView() {
        assertThat(samplesFor(ReviewFilter.all().withStates(Set.of(ReviewState.UNDECIDED)))).containsExactly(4, 5);
        assertThat(samplesFor(ReviewFilter.all().withMakers(Set.of(ReviewRows.Maker.ALGORITHM))))
                .containsExactly(0, 1, 2, 3);
        assertThat(samplesFor(ReviewFilter.all().withOrigins(Set.of(CandidateOrigin.GENERATED))))
                .containsExactly(0, 1);
        assertThat(samplesFor(ReviewFilter.all().withRun(fixture.runId))).containsExactly(0, 1, 2, 3);
        assertThat(samplesFor(ReviewFilter.all().withRanges(List.of(ScoreRange.between("ifd", 0.25, 1.0)))))
                .containsExactly(4, 5);
        assertThat(samplesFor(ReviewFilter.all().withDisagreements(false, true))).containsExactly(3, 4);
        assertThat(vm.statusProperty().get()).isEqualTo("2 of 6 samples");
        assertThat(vm.filterExpression()).isEqualTo("disagree=judge");
        assertThat(samplesFor(ReviewFilter.all().withDisagreements(true, false))).isEmpty();
        assertThat(samplesFor(ReviewFilter.all().withNote(true))).isEmpty();

        vm.filterProperty().set(ReviewFilter.all());
        vm.select(0);
        vm.commands().choose(1); // the curator keeps the original where the algorithm kept the generated one
        reviewDialogs.notes.add("too short");
        vm.select(5);
        vm.commands().note();

        assertThat(samplesFor(ReviewFilter.all().withDisagreements(true, false))).containsExactly(0);
        assertThat(samplesFor(ReviewFilter.all().withNote(true))).containsExactly(5);
        assertThat(samplesFor(ReviewFilter.all().withMakers(Set.of(ReviewRows.Maker.CURATOR))
                .withStates(Set.of(ReviewState.CHOSEN)))).containsExactly(0);
        assertThat(vm.filterExpression()).isEqualTo("state=chosen,by=curator");
    }

    @Test
    void searchNarrowsTheViewAndASearchBeforeTheIndexIsReadySaysItBuildsTheIndex() {
        vm.dispose();
        jobs.holdOnly = ReviewSearch.INDEX_JOB;
        vm = newViewModel();
        assertThat(jobs.held).as("the index is prepared when the review opens").hasSize(1);
        jobs.hold = true;
        vm.searchTextProperty().set("apples");
        assertThat(vm.messageProperty().get()).isEqualTo("Building the search index…");
        jobs.release();

        assertThat(positionsAsSamples()).containsExactly(0, 2, 4);
        assertThat(vm.statusProperty().get()).isEqualTo("3 of 6 samples");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.filterExpression()).isEqualTo("text=apples");

        jobs.hold = true;
        vm.searchTextProperty().set("pears");
        assertThat(vm.messageProperty().get()).isEqualTo("Searching…");
        jobs.release();
        vm.filterProperty().set(ReviewFilter.all().withStates(Set.of(ReviewState.UNDECIDED)));
        assertThat(positionsAsSamples()).containsExactly(5);
        assertThat(vm.filterExpression()).isEqualTo("state=undecided,text=pears");

        vm.searchTextProperty().set(" ");
        assertThat(positionsAsSamples()).containsExactly(4, 5);
    }

    @Test
    void sortsOnAnyColumnBothWaysWithMissingScoresLast() {
        vm.sortProperty().set(new ReviewSort("ifd", true));
        assertThat(positionsAsSamples()).containsExactly(0, 1, 4, 5, 3, 2);
        vm.sortProperty().set(new ReviewSort("ifd", false));
        assertThat(positionsAsSamples()).containsExactly(3, 5, 4, 1, 0, 2);
        vm.sortProperty().set(new ReviewSort("judge", false));
        assertThat(positionsAsSamples()).containsExactly(2, 3, 5, 4, 0, 1);
        vm.sortProperty().set(new ReviewSort(ReviewSort.STATE, true));
        assertThat(positionsAsSamples()).containsExactly(4, 5, 0, 1, 3, 2);
        vm.sortProperty().set(new ReviewSort(ReviewSort.SAMPLE, false));
        assertThat(positionsAsSamples()).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(vm.detailProperty().get().sample().id()).as("the current sample stays current")
                .isEqualTo(fixture.samples[0]);
        assertThat(vm.currentProperty().get()).isEqualTo(5);
    }

    @Test
    void sorts200kRowsQuicklyOnAPrimitiveView() {
        int n = 200_000;
        var random = new java.util.Random(7);
        long[] ids = IntStream.range(0, n).mapToLong(i -> i + 1L).toArray();
        var group = new dev.sift.core.store.ScoreGroup("ifd", "m", "t", n);
        var builder = new ReviewRows.Builder(ids, new long[n], List.of(ScoreColumn.value("ifd", group)));
        for (int r = 0; r < n; r++) {
            builder.score(0, r, random.nextInt(10) == 0 ? Double.NaN : random.nextDouble() * 2);
        }
        ReviewRows rows = builder.build();
        int[] view = IntStream.range(0, n).toArray();
        var sort = new ReviewSort("ifd", false);
        for (int warm = 0; warm < 3; warm++) {
            sort.apply(rows, view);
        }
        long start = System.nanoTime();
        int[] sorted = sort.apply(rows, view);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ReviewSort: 200,000 rows by ifd descending in %d ms%n", millis);

        assertThat(millis).isLessThan(500);
        int firstNaN = 0;
        while (!Double.isNaN(rows.score(0, sorted[firstNaN]))) {
            firstNaN++;
        }
        for (int i = 1; i < n; i++) {
            double a = rows.score(0, sorted[i - 1]);
            double b = rows.score(0, sorted[i]);
            if (i <= firstNaN - 1) {
                assertThat(a).isGreaterThanOrEqualTo(b);
            } else if (i > firstNaN) {
                assertThat(b).isNaN();
            }
        }
        assertThat(n - firstNaN).isBetween(n / 12, n / 8);
    }

    @Test
    void chooseRejectUndoAndRedoRecordCuratorDecisionsAndKeepTheSelection() throws Exception {
        vm.select(4);
        vm.commands().choose(2);
        assertThat(current(4)).satisfies(d -> {
            assertThat(d.decidedBy()).isEqualTo(DecidedBy.CURATOR);
            assertThat(d.action()).isEqualTo(DecisionAction.CHOOSE);
            assertThat(d.candidateId()).isEqualTo(fixture.generated[4]);
        });
        assertThat(vm.currentProperty().get()).isEqualTo(4);
        String choose = "choose candidate 2 of sample " + fixture.samples[4];
        assertThat(vm.commands().undoLabelProperty().get()).isEqualTo("Undo " + choose);
        assertThat(vm.textAt(4).orElseThrow().response()).isEqualTo("Better answer 4");

        vm.commands().reject();
        assertThat(current(4).action()).isEqualTo(DecisionAction.REJECT);
        assertThat(vm.detailProperty().get().state()).isEqualTo(ReviewState.REJECTED);

        vm.select(0);
        vm.commands().undo();
        assertThat(current(4).action()).isEqualTo(DecisionAction.CHOOSE);
        assertThat(vm.currentProperty().get()).as("undo shows the sample it touched").isEqualTo(4);
        assertThat(vm.commands().undoLabelProperty().get()).isEqualTo("Undo " + choose);
        assertThat(vm.commands().redoLabelProperty().get()).isEqualTo("Redo reject sample " + fixture.samples[4]);
        assertThat(vm.commands().canRedoProperty().get()).isTrue();

        vm.commands().redo();
        assertThat(current(4).action()).isEqualTo(DecisionAction.REJECT);
        assertThat(vm.commands().canRedoProperty().get()).isFalse();

        vm.commands().choose(7); // there is no seventh candidate
        assertThat(current(4).action()).isEqualTo(DecisionAction.REJECT);
    }

    @Test
    void actionsRunOneAtATimeInTheOrderOfTheKeys() throws Exception {
        vm.select(4);
        jobs.hold = true;
        vm.commands().choose(2);
        vm.commands().undo();
        assertThat(jobs.held).as("the undo waits for the choice to be recorded").hasSize(1);

        jobs.release();

        assertThat(fixture.store.decisions().current(fixture.samples[4])).as("chosen, then undone").isEmpty();
        assertThat(vm.commands().redoLabelProperty().get())
                .isEqualTo("Redo choose candidate 2 of sample " + fixture.samples[4]);
    }

    @Test
    void aKeyPressedBeforeTheSamplesDetailArrivesActsOnItWhenItDoes() throws Exception {
        jobs.hold = true;
        vm.commands().next();
        vm.commands().choose(1);
        jobs.release();

        assertThat(current(1).candidateId()).isEqualTo(fixture.originals[1]);
        assertThat(current(1).decidedBy()).isEqualTo(DecidedBy.CURATOR);
    }

    @Test
    void editKeepsTheCuratorsVersionPrefilledFromTheShownCandidate() throws Exception {
        vm.select(1);
        reviewDialogs.edits.add(new ReviewDialogs.EditedText("Task 1, reworded", "", "A much better answer"));
        vm.commands().edit();

        assertThat(reviewDialogs.prefilled).extracting(CandidateDetail::response).containsExactly("Better answer 1");
        Decision d = current(1);
        assertThat(d.action()).isEqualTo(DecisionAction.EDIT);
        Candidate edited = fixture.store.candidates().listBySample(fixture.samples[1]).stream()
                .filter(c -> c.id() == d.candidateId()).findFirst().orElseThrow();
        assertThat(edited.origin()).isEqualTo(CandidateOrigin.CURATOR);
        assertThat(edited.instruction()).isEqualTo("Task 1, reworded");
        assertThat(edited.response()).isEqualTo("A much better answer");
        assertThat(vm.detailProperty().get().state()).isEqualTo(ReviewState.EDITED);
        assertThat(vm.commands().undoLabelProperty().get()).isEqualTo("Undo edit sample " + fixture.samples[1]);

        vm.commands().edit(); // cancelled: nothing more is recorded
        assertThat(current(1).id()).isEqualTo(d.id());
    }

    @Test
    void noteSetsAndAnEmptyNoteClears() throws Exception {
        vm.select(2);
        reviewDialogs.notes.add("check the facts");
        vm.commands().note();
        assertThat(fixture.store.review().note(fixture.samples[2])).contains("check the facts");
        assertThat(vm.detailProperty().get().note()).contains("check the facts");

        reviewDialogs.notes.add("");
        vm.commands().note();
        assertThat(fixture.store.review().note(fixture.samples[2])).isEmpty();
        assertThat(vm.commands().undoLabelProperty().get())
                .isEqualTo("Undo clear the note of sample " + fixture.samples[2]);
    }

    @Test
    void bulkAcceptsTheAlgorithmsChoicesAfterConfirmingTheCountAndSkipped() throws Exception {
        dialogs.willAnswer(false);
        vm.commands().bulk(BulkRule.ACCEPT_ALGORITHM);
        assertThat(dialogs.questions()).containsExactly(
                "Accept the algorithm's choice for 4 samples? 2 have none and are left alone. You can undo it.");
        assertThat(current(0).decidedBy()).isEqualTo(DecidedBy.ALGORITHM);

        dialogs.willAnswer(true);
        vm.commands().bulk(BulkRule.ACCEPT_ALGORITHM);
        for (int i = 0; i < 4; i++) {
            assertThat(current(i).decidedBy()).isEqualTo(DecidedBy.CURATOR);
        }
        assertThat(current(0).candidateId()).isEqualTo(fixture.generated[0]);
        assertThat(current(2).action()).isEqualTo(DecisionAction.REJECT);
        assertThat(fixture.store.decisions().current(fixture.samples[4])).isEmpty();
        assertThat(vm.commands().undoLabelProperty().get())
                .isEqualTo("Undo Accept the algorithm's choice for 4 samples");

        vm.filterProperty().set(ReviewFilter.all().withStates(Set.of(ReviewState.UNDECIDED)));
        vm.commands().bulk(BulkRule.REJECT);
        assertThat(dialogs.questions()).last().isEqualTo("Reject for 2 samples? You can undo it.");
        assertThat(current(5).action()).isEqualTo(DecisionAction.REJECT);
        assertThat(vm.rows()).isEmpty();

        vm.filterProperty().set(ReviewFilter.all().withStates(Set.of(ReviewState.EDITED)));
        assertThat(vm.commands().bulk(BulkRule.ACCEPT_ALGORITHM)).isEmpty();
        assertThat(dialogs.infos()).hasSize(1);
    }

    @Test
    void theUndoLabelSurvivesReopeningTheProject() throws Exception {
        vm.select(3);
        vm.commands().reject();
        String label = vm.commands().undoLabelProperty().get();
        assertThat(label).isEqualTo("Undo reject sample " + fixture.samples[3]);
        vm.dispose();
        Path file = fixture.store.file();
        workspace.close();

        workspace.open(SqliteProjectStore.open(file));
        vm = newViewModel();

        assertThat(vm.commands().undoLabelProperty().get()).isEqualTo(label);
        vm.commands().undo();
        assertThat(workspace.store().orElseThrow().decisions().current(fixture.samples[3]).orElseThrow().decidedBy())
                .isEqualTo(DecidedBy.ALGORITHM);
    }

    @Test
    void movesWithNextAndPreviousWithinTheView() {
        vm.commands().next();
        vm.commands().next();
        assertThat(vm.detailProperty().get().sample().id()).isEqualTo(fixture.samples[2]);
        vm.commands().previous();
        assertThat(vm.currentProperty().get()).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            vm.commands().next();
        }
        assertThat(vm.currentProperty().get()).isEqualTo(5);
        workspace.selectedDatasetProperty().set(null);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.detailProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Select a dataset to review its samples.");
    }

    private Decision current(int sample) throws Exception {
        return fixture.store.decisions().current(fixture.samples[sample]).orElseThrow();
    }

    private List<Integer> samplesFor(ReviewFilter filter) {
        vm.filterProperty().set(filter);
        return positionsAsSamples();
    }

    /** The view as fixture sample numbers 0–5. */
    private List<Integer> positionsAsSamples() {
        var out = new ArrayList<Integer>();
        for (int position = 0; position < vm.rows().size(); position++) {
            long id = vm.data().sampleId(vm.rowAt(position));
            for (int i = 0; i < fixture.samples.length; i++) {
                if (fixture.samples[i] == id) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** Runs queries at once, or holds them until {@link #release()} to see what shows meanwhile. */
    private static final class HeldQueries implements UiJobRunner {
        private final ImmediateUiJobRunner inner = new ImmediateUiJobRunner();
        private final List<Runnable> held = new ArrayList<>();
        boolean hold;
        /** Holds only the queries with this title, when set. */
        String holdOnly;

        @Override
        public <R> dev.sift.core.job.JobHandle<R> run(dev.sift.core.job.Job<R> job, JobCallbacks<R> callbacks) {
            return inner.run(job, callbacks);
        }

        @Override
        public <R> dev.sift.core.job.JobHandle<R> query(dev.sift.core.job.Job<R> job, JobCallbacks<R> callbacks) {
            if (hold || job.title().equals(holdOnly)) {
                held.add(() -> inner.query(job, callbacks));
                return null;
            }
            return inner.query(job, callbacks);
        }

        void release() {
            hold = false;
            holdOnly = null;
            var pending = List.copyOf(held);
            held.clear();
            pending.forEach(Runnable::run);
        }
    }

    /** Answers the edit and note dialogs from queues; an empty queue cancels. */
    static final class ScriptedReviewDialogs implements ReviewDialogs {
        final java.util.Deque<EditedText> edits = new java.util.ArrayDeque<>();
        final java.util.Deque<String> notes = new java.util.ArrayDeque<>();
        final List<CandidateDetail> prefilled = new ArrayList<>();

        @Override
        public Optional<EditedText> edit(long sampleId, CandidateDetail shown) {
            prefilled.add(shown);
            return Optional.ofNullable(edits.poll());
        }

        @Override
        public Optional<String> note(long sampleId, String current) {
            return Optional.ofNullable(notes.poll());
        }
    }
}
