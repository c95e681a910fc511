package dev.sift.ui.common;

import dev.sift.core.job.JobEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a view model wants to hear about a job it started. A {@link UiJobRunner} calls these on the
 * UI thread: item events in batches while the job runs, then exactly one of success, failure or
 * cancellation, then {@code finished}.
 *
 * @param <R> the job's result type
 */
public record JobCallbacks<R>(
        Consumer<? super R> success,
        Consumer<String> failure,
        Runnable cancelled,
        Consumer<List<JobEvent.ItemEvent>> items,
        Runnable finished) {

    public JobCallbacks {
        Objects.requireNonNull(success, "success");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(finished, "finished");
    }

    public static <R> JobCallbacks<R> onSuccess(Consumer<? super R> success) {
        return new JobCallbacks<>(success, reason -> {}, () -> {}, batch -> {}, () -> {});
    }

    /** {@code failure} receives the job's user-safe failure reason. */
    public JobCallbacks<R> onFailure(Consumer<String> newFailure) {
        return new JobCallbacks<>(success, newFailure, cancelled, items, finished);
    }

    public JobCallbacks<R> onCancelled(Runnable newCancelled) {
        return new JobCallbacks<>(success, failure, newCancelled, items, finished);
    }

    public JobCallbacks<R> onItems(Consumer<List<JobEvent.ItemEvent>> newItems) {
        return new JobCallbacks<>(success, failure, cancelled, newItems, finished);
    }

    /** Called last, whatever the outcome. */
    public JobCallbacks<R> onFinished(Runnable newFinished) {
        return new JobCallbacks<>(success, failure, cancelled, items, newFinished);
    }

    /** Delivers a terminal event to the matching callback, then {@code finished}. */
    @SuppressWarnings("unchecked")
    void deliver(JobEvent terminal) {
        try {
            if (terminal instanceof JobEvent.Succeeded done) {
                success.accept((R) done.result());
            } else if (terminal instanceof JobEvent.Failed failed) {
                failure.accept(failed.reason());
            } else if (terminal instanceof JobEvent.Cancelled) {
                cancelled.run();
            }
        } finally {
            finished.run();
        }
    }
}
