package dev.sift.core.pipeline;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.cache.Redaction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.StoreException;

/**
 * The status, progress and log of one stored run as its job moves it along: running with a {@code started} or
 * {@code resumed} event, progress kept in the store and shown on the job, and an end (succeeded, stopped, cancelled
 * or failed with the redacted reason) logged as an event named after the status. The resumable recipes drive their
 * run through it; {@link RunRecorder} uses it for one-shot jobs.
 */
final class RecordedRun {

    /** The part of a job that ends its run itself and may be cancelled or fail on the way. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    private final ProjectStore store;
    private final long runId;

    RecordedRun(ProjectStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    /**
     * The run, when it is a run of {@code recipe} with a dataset.
     *
     * @param kind what the run should be, for the error, e.g. "a reflection run over a dataset"
     * @throws StoreException when there is no such run or it is another kind
     */
    Run load(String recipe, String kind) throws StoreException {
        Run run = store.runs().find(runId).orElseThrow(() -> new StoreException("There is no run " + runId));
        if (!recipe.equals(run.recipe()) || run.datasetId() == 0) {
            throw new StoreException("Run " + runId + " is not " + kind);
        }
        return run;
    }

    /** Marks the run running and logs {@code message} as a {@code started} or {@code resumed} event. */
    void start(boolean resumed, String message) throws StoreException {
        store.runs().setStatus(runId, RunStatus.RUNNING, "");
        store.runs().appendEvent(runId, resumed ? "resumed" : "started", message, "");
    }

    /** Keeps {@code done} of {@code total} on the run and shows it on the job. */
    void progress(JobContext context, int done, int total) throws StoreException {
        store.runs().updateProgress(runId, done, total);
        context.progress(done, total);
    }

    /**
     * Runs {@code body}, which ends the run itself; when it is cancelled the run ends {@link RunStatus#CANCELLED}
     * with the message {@code cancelled} gives at that moment, when it fails the run ends failed (see
     * {@link #fail}), and the exception is rethrown either way.
     */
    <T> T guard(Body<T> body, java.util.function.Supplier<String> cancelled) throws Exception {
        try {
            return body.run();
        } catch (JobCancelledException e) {
            finish(RunStatus.CANCELLED, "", cancelled.get());
            throw e;
        } catch (Exception e) {
            throw fail(e);
        }
    }

    /**
     * Ends the run {@link RunStatus#SUCCEEDED} with {@code summary} when {@code stop} is empty, else
     * {@link RunStatus#STOPPED} with {@code stop} as the reason and "stopped: " + {@code stop}.
     */
    RunStatus conclude(String stop, String summary) throws StoreException {
        return conclude(stop, summary, "");
    }

    /** As {@link #conclude(String, String)}, with {@code stopTail} after the reason of a stopped run. */
    RunStatus conclude(String stop, String summary, String stopTail) throws StoreException {
        RunStatus status = stop.isEmpty() ? RunStatus.SUCCEEDED : RunStatus.STOPPED;
        finish(status, stop, stop.isEmpty() ? summary : "stopped: " + stop + stopTail);
        return status;
    }

    /**
     * Ends the run {@link RunStatus#FAILED} with the redacted message of {@code failure} as the reason; a store error
     * on the way is added to {@code failure}, which is returned to be rethrown.
     */
    <E extends Exception> E fail(E failure) {
        try {
            String reason = Redaction.redact(String.valueOf(failure.getMessage()));
            finish(RunStatus.FAILED, reason, "failed: " + reason);
        } catch (StoreException again) {
            failure.addSuppressed(again);
        }
        return failure;
    }

    /** Sets the run's status with {@code reason} and logs {@code message} as an event named after the status. */
    void finish(RunStatus status, String reason, String message) throws StoreException {
        store.runs().setStatus(runId, status, reason);
        store.runs().appendEvent(runId, status.id(), message, "");
    }
}
