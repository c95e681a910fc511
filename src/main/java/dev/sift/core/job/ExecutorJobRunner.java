package dev.sift.core.job;

import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The {@link JobRunner} used by the workbench and the CLI: one daemon thread per running job. */
public final class ExecutorJobRunner implements JobRunner {

    static final long PROGRESS_INTERVAL_MILLIS = 100;

    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public ExecutorJobRunner() {
        this(Clock.systemUTC());
    }

    ExecutorJobRunner(Clock clock) {
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    @Override
    public <R> JobHandle<R> submit(Job<R> job, JobListener listener) {
        String id = "job-" + sequence.incrementAndGet();
        var handle = new RunningJob<R>(id, job.title(), listener, clock);
        executor.execute(() -> handle.execute(job));
        return handle;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sift-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class RunningJob<R> implements JobHandle<R>, JobContext {
        private final String id;
        private final String title;
        private final JobListener listener;
        private final Clock clock;
        private final CompletableFuture<R> result = new CompletableFuture<>();
        private volatile boolean cancelled;
        private final Object workerLock = new Object();
        private Thread worker;
        private boolean finished;
        private long lastProgressAt = Long.MIN_VALUE;
        private JobEvent.Progress pendingProgress;

        RunningJob(String id, String title, JobListener listener, Clock clock) {
            this.id = id;
            this.title = title;
            this.listener = listener;
            this.clock = clock;
        }

        void execute(Job<R> job) {
            synchronized (workerLock) {
                worker = Thread.currentThread();
            }
            emit(new JobEvent.Started(id, clock.instant(), title));
            try {
                runAndReport(job);
            } finally {
                synchronized (workerLock) {
                    finished = true;
                    worker = null;
                }
                Thread.interrupted(); // a late cancel must not leak into the next job on this thread
            }
        }

        private void runAndReport(Job<R> job) {
            try {
                checkCancelled();
                R value = job.run(this);
                flushProgress();
                emit(new JobEvent.Succeeded(id, clock.instant(), value));
                result.complete(value);
            } catch (JobCancelledException | InterruptedException e) {
                finishCancelled();
            } catch (Exception | Error e) {
                if (cancelled) {
                    finishCancelled();
                } else {
                    flushProgress();
                    emit(new JobEvent.Failed(id, clock.instant(), reasonOf(e), e));
                    result.completeExceptionally(e);
                }
            }
        }

        private void finishCancelled() {
            flushProgress();
            emit(new JobEvent.Cancelled(id, clock.instant()));
            result.completeExceptionally(new CancellationException(title + " was cancelled"));
        }

        private static String reasonOf(Throwable e) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }

        private void emit(JobEvent event) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException ignored) {
                // listeners must not throw; one that does must not break the job
            }
        }

        @Override
        public synchronized void progress(long done, long total) {
            var event = new JobEvent.Progress(id, clock.instant(), done, total);
            long now = System.nanoTime() / 1_000_000;
            if (lastProgressAt == Long.MIN_VALUE || now - lastProgressAt >= PROGRESS_INTERVAL_MILLIS) {
                lastProgressAt = now;
                pendingProgress = null;
                emit(event);
            } else {
                pendingProgress = event;
            }
        }

        private synchronized void flushProgress() {
            if (pendingProgress != null) {
                emit(pendingProgress);
                pendingProgress = null;
            }
        }

        @Override
        public void message(String text) {
            emit(new JobEvent.Message(id, clock.instant(), text));
        }

        @Override
        public void publish(JobEvent.ItemEvent event) {
            emit(event);
        }

        @Override
        public String jobId() {
            return id;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (workerLock) {
                if (worker != null && !finished) {
                    worker.interrupt();
                }
            }
        }

        @Override
        public CompletableFuture<R> result() {
            return result;
        }
    }
}
