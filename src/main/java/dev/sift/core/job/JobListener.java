package dev.sift.core.job;

/**
 * Receives the events of a job. Called on the job's worker thread. Implementations must be fast,
 * must not block or take external locks, must not throw, and must not call back into the runner
 * (the OkHttp EventListener contract). Hand work to another thread if it is slow.
 */
@FunctionalInterface
public interface JobListener {

    JobListener NONE = event -> {};

    void onEvent(JobEvent event);

    /** A listener that forwards to this one and then to {@code other}. */
    default JobListener and(JobListener other) {
        return event -> {
            onEvent(event);
            other.onEvent(event);
        };
    }
}
