package dev.sift.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job's items with bounded parallelism on worker threads owned by this class, so that jobs
 * (which may not create threads) can keep many calls in flight: the LLM engine blocks each caller, so
 * in-flight calls equal worker threads.
 *
 * <p>Blocks until every item is done. Each task handles its own item's failure (records it, publishes
 * {@code ItemFailed}); a task that throws stops the others and the exception is rethrown. Cancelling
 * the job (or interrupting the calling thread) interrupts the workers and ends with
 * {@link JobCancelledException}.
 */
public final class Parallel {

    /** Work on one item, run on a worker thread. */
    @FunctionalInterface
    public interface ItemTask<T> {
        void run(T item) throws Exception;
    }

    private Parallel() {}

    public static <T> void forEach(List<T> items, int parallelism, JobContext context, ItemTask<T> task)
            throws Exception {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (items.isEmpty()) {
            return;
        }
        int threads = Math.min(parallelism, items.size());
        var names = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, context.jobId() + "-worker-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            var next = new AtomicInteger();
            var failed = new java.util.concurrent.atomic.AtomicBoolean();
            List<Future<?>> running = new ArrayList<>(threads);
            for (int w = 0; w < threads; w++) {
                running.add(workers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < items.size()) {
                        if (failed.get() || context.isCancelled() || Thread.currentThread().isInterrupted()) {
                            return null;
                        }
                        try {
                            task.run(items.get(i));
                        } catch (Exception | Error e) {
                            failed.set(true); // the other workers stop taking items
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                awaitOrCancel(future, context, workers);
            }
            context.checkCancelled();
        } finally {
            workers.shutdownNow();
        }
    }

    private static void awaitOrCancel(Future<?> future, JobContext context, ExecutorService workers) throws Exception {
        while (true) {
            try {
                future.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                if (context.isCancelled()) {
                    workers.shutdownNow();
                    throw new JobCancelledException();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                throw new JobCancelledException();
            } catch (ExecutionException e) {
                workers.shutdownNow();
                if (context.isCancelled()) {
                    throw new JobCancelledException();
                }
                if (e.getCause() instanceof Error error) {
                    throw error; // as if the job's own thread had thrown it
                }
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }
}
