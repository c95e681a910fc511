package dev.sift.core.pipeline;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.StoreException;
import java.util.OptionalDouble;

/**
 * The run row of a one-shot job (one that does not resume): created as running when the job starts, with its log, and
 * finished as succeeded, cancelled or failed with the reason, so the project keeps a record of every job that changed
 * or wrote something. The status and events are written through {@link RecordedRun}, as the resumable recipes do.
 */
final class RunRecorder {

    /** Work that reports to its run. */
    @FunctionalInterface
    interface Work<T> {
        T run(long runId) throws Exception;
    }

    private final ProjectStore store;

    RunRecorder(ProjectStore store) {
        this.store = store;
    }

    /**
     * Creates the run, marks it running with {@code startMessage}, does {@code work}, and finishes the run with the
     * message {@code done} makes of the result, or as cancelled or failed when the work throws (and rethrows).
     */
    <T> T record(NewRun run, String startMessage, Work<T> work, java.util.function.Function<T, String> done)
            throws Exception {
        long runId = store.runs().create(run).id();
        var recorded = new RecordedRun(store, runId);
        recorded.start(false, startMessage);
        T result;
        try {
            result = work.run(runId);
        } catch (JobCancelledException e) {
            recorded.finish(RunStatus.CANCELLED, "", "cancelled");
            throw e;
        } catch (Exception | Error e) {
            try {
                recorded.finish(RunStatus.FAILED, String.valueOf(e.getMessage()), "failed: " + e.getMessage());
            } catch (StoreException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        recorded.finish(RunStatus.SUCCEEDED, "", done.apply(result));
        return result;
    }

    /** A run of {@code recipe} over a dataset without a budget. */
    static NewRun newRun(String recipe, long datasetId, String configJson, long seed) {
        return new NewRun(recipe, datasetId, configJson, seed, OptionalDouble.empty());
    }
}
