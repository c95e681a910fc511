package dev.sift.cli;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobHandle;
import dev.sift.core.job.JobListener;
import dev.sift.core.job.JobRunner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * Runs a job for a command in the foreground: progress to the given listener, Ctrl-C cancels it
 * and waits (the shutdown hook blocks) until the job has ended and cleaned up, so an interrupted
 * import leaves the project unchanged and an interrupted run can be resumed.
 */
public final class CliJobs {

    private final JobRunner runner;
    private final JobListener listener;

    public CliJobs(JobRunner runner, JobListener listener) {
        this.runner = runner;
        this.listener = listener;
    }

    /**
     * Jobs reporting the way every command does: JSON event lines on stdout with {@code --json}, else a
     * progress bar on stderr whose line also shows {@code status} (e.g. the money spent so far).
     */
    public static CliJobs forCommand(CliEnvironment env, boolean json, java.util.function.Supplier<String> status) {
        JobListener listener = json
                ? new JsonLinesListener(env.out(), env.json())
                : new ConsoleProgressListener(env.err(), env.terminal(), status);
        return new CliJobs(env.context().jobs(), listener);
    }

    /** The outcome of a job: its value, or the reason it did not produce one. */
    public record Outcome<R>(R value, int exitCode, String failure) {
        public boolean ok() {
            return exitCode == ExitCodes.OK;
        }
    }

    public <R> Outcome<R> run(Job<R> job) {
        var ended = new CountDownLatch(1);
        JobHandle<R> handle = runner.submit(job, listener.and(event -> {
            if (event.isTerminal()) {
                ended.countDown();
            }
        }));
        Thread hook = new Thread(() -> {
            handle.cancel();
            awaitQuietly(ended);
        }, "sift-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            R value = handle.result().get();
            awaitQuietly(ended);
            return new Outcome<>(value, ExitCodes.OK, "");
        } catch (CancellationException e) {
            return new Outcome<>(null, ExitCodes.CANCELLED, "cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException) {
                return new Outcome<>(null, ExitCodes.CANCELLED, "cancelled");
            }
            String message = cause.getMessage();
            return new Outcome<>(null, ExitCodes.FAILED, message == null ? cause.getClass().getSimpleName() : message);
        } catch (InterruptedException e) {
            handle.cancel();
            awaitQuietly(ended);
            Thread.currentThread().interrupt();
            return new Outcome<>(null, ExitCodes.CANCELLED, "cancelled");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook is running
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
