package dev.sift.ui.common;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobHandle;

/**
 * How view models start background work. Implementations run the job off the UI thread and call the
 * {@link JobCallbacks} on the UI thread. View models depend on this interface only, so tests can use
 * a runner that works synchronously.
 */
public interface UiJobRunner {

    /** Runs a user-visible job: it is listed, with progress and a cancel button, in the status bar. */
    <R> JobHandle<R> run(Job<R> job, JobCallbacks<R> callbacks);

    /** Runs a short background query (a filter, statistics) that is not listed in the status bar. */
    <R> JobHandle<R> query(Job<R> job, JobCallbacks<R> callbacks);
}
