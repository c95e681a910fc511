package dev.sift.core.job;

/**
 * What a running {@link Job} may tell the world. All methods are thread-safe, fast and never block
 * on listeners.
 */
public interface JobContext {

    /** Reports {@code done} of {@code total} units. A negative total means "unknown". */
    void progress(long done, long total);

    /** Sets the current status line, e.g. "Reading record 12,000". */
    void message(String text);

    /** Publishes the outcome of one item (a record imported, a call made). */
    void publish(JobEvent.ItemEvent event);

    /** The id the events of this job carry. */
    String jobId();

    boolean isCancelled();

    /** Throws {@link JobCancelledException} when cancellation was requested. */
    default void checkCancelled() throws JobCancelledException {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new JobCancelledException();
        }
    }
}
