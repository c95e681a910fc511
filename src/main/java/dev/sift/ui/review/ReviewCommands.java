package dev.sift.ui.review;

import dev.sift.core.review.BulkPlan;
import dev.sift.core.review.BulkRule;
import dev.sift.core.review.CandidateDetail;
import dev.sift.core.review.SampleDetail;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The curator's actions on the review: choose, reject, edit, note, undo, redo and bulk actions over the filter. Each
 * is recorded by the store off the UI thread; then the rows reload, keeping the current sample (an undo or redo
 * shows the sample it touched).
 */
public final class ReviewCommands {

    private final ReviewViewModel vm;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final ReviewDialogs reviewDialogs;
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
    private java.util.function.Consumer<SampleDetail> waiting;
    private boolean busy;

    /** Work that records an action, if it records one. */
    @FunctionalInterface
    private interface Recording {
        Optional<ReviewAction> run(ProjectStore store) throws Exception;
    }

    ReviewCommands(ReviewViewModel vm, UiJobRunner jobs, DialogService dialogs, ReviewDialogs reviewDialogs) {
        this.vm = vm;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.reviewDialogs = reviewDialogs;
    }

    /** "Undo choose candidate 2 of sample 17", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    void showHistory(Optional<ReviewAction> nextUndo, Optional<ReviewAction> nextRedo) {
        undoLabel.set(nextUndo.map(a -> "Undo " + a.description()).orElse("Undo"));
        redoLabel.set(nextRedo.map(a -> "Redo " + a.description()).orElse("Redo"));
        canUndo.set(nextUndo.isPresent());
        canRedo.set(nextRedo.isPresent());
    }

    /** Moves to the next row in view. */
    public void next() {
        int size = vm.rows().size();
        if (size > 0) {
            vm.select(Math.min(vm.currentProperty().get() + 1, size - 1));
        }
    }

    public void previous() {
        if (vm.rows().size() > 0) {
            vm.select(Math.max(vm.currentProperty().get() - 1, 0));
        }
    }

    /** Keeps candidate {@code n} (1-based, as shown) of the current sample. */
    public void choose(int n) {
        withDetail(d -> d.candidate(n).ifPresent(c -> decide(d.sample().id(), c.candidateId(),
                DecisionAction.CHOOSE, "choose", "choose candidate " + n + " of sample " + d.sample().id())));
    }

    /** Leaves the current sample out. */
    public void reject() {
        OptionalInt row = vm.currentRow();
        if (row.isPresent()) {
            ReviewRows rows = vm.data();
            long sample = rows.sampleId(row.getAsInt());
            decide(sample, rows.shownCandidate(row.getAsInt()), DecisionAction.REJECT, "reject", "reject sample " + sample);
        }
    }

    /** Asks for the curator's version of the shown candidate and keeps it. */
    public void edit() {
        withDetail(d -> {
            long sample = d.sample().id();
            CandidateDetail shown = d.candidates().stream().filter(CandidateDetail::current).findFirst()
                    .orElse(d.candidates().get(0));
            reviewDialogs.edit(sample, shown).ifPresent(t -> perform(store -> Optional.of(store.review().edit(sample,
                    t.instruction(), t.input(), t.response(), "edit sample " + sample)), 0));
        });
    }

    /** Asks for the current sample's note; an empty one clears it. */
    public void note() {
        withDetail(d -> {
            long sample = d.sample().id();
            String before = d.note().orElse("");
            reviewDialogs.note(sample, before).filter(text -> !text.equals(before)).ifPresent(text ->
                    record(new NewReviewAction("note", (text.isEmpty() ? "clear the note of sample " : "note on sample ")
                            + sample, List.of(), List.of(new NewReviewAction.Note(sample, text)))));
        });
    }

    public void undo() {
        perform(store -> store.review().undo(), -1);
    }

    public void redo() {
        perform(store -> store.review().redo(), -1);
    }

    /**
     * Applies {@code rule} to every row in view after the curator confirms the count (and how many are skipped).
     *
     * @return the plan that was offered, empty when there was nothing to offer
     */
    public Optional<BulkPlan> bulk(BulkRule rule) {
        if (vm.data() == null) {
            return Optional.empty();
        }
        BulkPlan plan = rule.plan(vm.data(), vm.view());
        if (plan.decisions().isEmpty()) {
            dialogs.showInfo("Nothing to do", String.format(Locale.ROOT,
                    "None of the %,d samples in view has anything to %s.", plan.matched(), rule.words()));
            return Optional.empty();
        }
        String question = question(rule, plan);
        if (dialogs.confirm("Bulk action", question)) {
            record(plan.action());
        }
        return Optional.of(plan);
    }

    static String question(BulkRule rule, BulkPlan plan) {
        String words = Character.toUpperCase(rule.words().charAt(0)) + rule.words().substring(1);
        String out = String.format(Locale.ROOT, "%s for %,d samples?", words, plan.decisions().size());
        if (plan.skipped() > 0) {
            out += String.format(Locale.ROOT, " %,d %s none and %s left alone.", plan.skipped(),
                    plan.skipped() == 1 ? "has" : "have", plan.skipped() == 1 ? "is" : "are");
        }
        return out + " You can undo it.";
    }

    /**
     * Runs {@code command} on the current row's detail; when the detail is still on its way, when it arrives, so that
     * a key pressed right after J is not lost.
     */
    private void withDetail(java.util.function.Consumer<SampleDetail> command) {
        SampleDetail d = vm.detailProperty().get();
        OptionalInt row = vm.currentRow();
        if (row.isEmpty()) {
            return;
        }
        if (d != null && vm.data().sampleId(row.getAsInt()) == d.sample().id()) {
            waiting = null;
            command.accept(d);
        } else {
            waiting = command;
        }
    }

    /** The current row's detail arrived: runs the command that waited for it. */
    void detailArrived(SampleDetail detail) {
        var command = waiting;
        waiting = null;
        if (command != null) {
            command.accept(detail);
        }
    }

    /** The current row changed: a command waiting for the previous one's detail is dropped. */
    void rowChanged() {
        waiting = null;
    }

    private void decide(long sample, long candidate, DecisionAction action, String kind, String description) {
        record(NewReviewAction.of(kind, description,
                List.of(new NewDecision(sample, candidate, action, DecidedBy.CURATOR, 0, ""))));
    }

    private void record(NewReviewAction action) {
        perform(store -> Optional.of(store.review().record(action)), 0);
    }

    /**
     * Records one action at a time, in the order the keys came, so that an undo pressed right after a choice undoes
     * that choice.
     *
     * @param focus 0 keeps the current sample; -1 shows the sample the action touched
     */
    private void perform(Recording work, int focus) {
        queue.add(() -> start(work, focus));
        if (!busy) {
            startNext();
        }
    }

    private void startNext() {
        Runnable next = queue.poll();
        busy = next != null;
        if (next != null) {
            next.run();
        }
    }

    private void start(Recording work, int focus) {
        Optional<ProjectStore> store = vm.store();
        if (store.isEmpty()) {
            startNext();
            return;
        }
        ProjectStore source = store.get();
        jobs.query(QueryJob.of("Review action", ctx -> work.run(source)),
                JobCallbacks.<Optional<ReviewAction>>onSuccess(done -> vm.actionDone(done, focus < 0
                        ? done.map(ReviewAction::firstSampleId).orElse(-1L) : -1))
                        .onFailure(reason -> dialogs.showError("Could not record the review action", reason))
                        .onFinished(this::startNext));
    }
}
