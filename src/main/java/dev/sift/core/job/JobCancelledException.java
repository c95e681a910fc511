package dev.sift.core.job;

/** Thrown inside a job to stop it after a cancellation request; the runner reports it as cancelled. */
public final class JobCancelledException extends Exception {
    public JobCancelledException() {
        super("cancelled");
    }
}
