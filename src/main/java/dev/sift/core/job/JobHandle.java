package dev.sift.core.job;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted job. {@link #result()} completes normally with the job's result, or exceptionally
 * with the failure, or with a {@link java.util.concurrent.CancellationException} once cancelled.
 */
public interface JobHandle<R> {

    String id();

    String title();

    /** Requests cancellation: the worker is interrupted and the job stops at its next check. Idempotent. */
    void cancel();

    CompletableFuture<R> result();
}
