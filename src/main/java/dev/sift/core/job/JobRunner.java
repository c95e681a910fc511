package dev.sift.core.job;

/**
 * Runs {@link Job}s on worker threads and reports their events to a listener.
 *
 * <p>Guarantees: events of one job arrive in order; exactly one terminal event is delivered, and it
 * is delivered before the handle's result completes, so whoever waits on the result has seen every
 * event (a listener takes the outcome from the terminal event itself); progress events are rate-limited (about ten per second,
 * the last one always delivered).
 */
public interface JobRunner extends AutoCloseable {

    <R> JobHandle<R> submit(Job<R> job, JobListener listener);

    /** Stops accepting jobs and cancels running ones. */
    @Override
    void close();
}
