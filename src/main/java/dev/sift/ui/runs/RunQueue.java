package dev.sift.ui.runs;

import dev.sift.core.job.Job;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench's queue of generation runs: one runs at a time as a status-bar job (with its cancel button); a run
 * submitted while another is running waits, listed by id, and starts when the one before it ends, however it ends.
 * Used on the UI thread only.
 */
public final class RunQueue {

    private final UiJobRunner jobs;
    private final Deque<Entry> waiting = new ArrayDeque<>();
    private final ObservableList<Long> queued = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper running = new ReadOnlyLongWrapper(0);

    public RunQueue(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    /**
     * Runs {@code job} for run {@code runId} now, or after the runs before it.
     *
     * @param done told the job's outcome message ("succeeded", the failure, "cancelled") when it ends
     */
    public void submit(long runId, Job<?> job, Consumer<String> done) {
        waiting.add(new Entry(runId, job, done));
        queued.add(runId);
        startNext();
    }

    private void startNext() {
        if (running.get() != 0 || waiting.isEmpty()) {
            return;
        }
        Entry next = waiting.poll();
        queued.remove(Long.valueOf(next.runId()));
        running.set(next.runId());
        start(next);
    }

    private <R> void start(Entry entry) {
        @SuppressWarnings("unchecked")
        Job<R> job = (Job<R>) entry.job();
        jobs.run(job, JobCallbacks.<R>onSuccess(r -> entry.done().accept("succeeded"))
                .onFailure(reason -> entry.done().accept(reason))
                .onCancelled(() -> entry.done().accept("cancelled"))
                .onFinished(() -> {
                    running.set(0);
                    startNext();
                }));
    }

    /** The runs waiting their turn, in order. */
    public ObservableList<Long> queued() {
        return FXCollections.unmodifiableObservableList(queued);
    }

    /** The run whose job is running, or 0. */
    public ReadOnlyLongProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    private record Entry(long runId, Job<?> job, Consumer<String> done) {}
}
