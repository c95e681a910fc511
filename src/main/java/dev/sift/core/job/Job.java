package dev.sift.core.job;

/**
 * A unit of long-running work: an import, an export, a generation run.
 *
 * <p>{@link #run} is called once, on a worker thread owned by the {@link JobRunner}. It must call
 * {@link JobContext#checkCancelled()} between items and save its results as it goes, so that a
 * cancellation or a crash loses at most the item in flight.
 *
 * @param <R> the result type
 */
public interface Job<R> {

    /** A short human-readable title, e.g. "Import alpaca.json". */
    String title();

    /**
     * Does the work. Throw {@link JobCancelledException} (via {@code checkCancelled}) to stop early;
     * any other exception fails the job with the exception's message shown to the user.
     */
    R run(JobContext context) throws Exception;
}
