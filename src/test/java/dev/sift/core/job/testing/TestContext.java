package dev.sift.core.job.testing;

import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job context for running jobs directly in tests: records progress and messages (safely from worker threads)
 * and can turn cancelled once progress reaches a number of units done.
 */
public final class TestContext implements JobContext {

    private volatile long cancelAt;
    private volatile boolean cancelled;
    private final String jobId = UUID.randomUUID().toString();
    private final AtomicLong lastDone = new AtomicLong();
    private final AtomicLong lastTotal = new AtomicLong();
    public final List<long[]> progress = new CopyOnWriteArrayList<>();
    public final List<String> messages = new CopyOnWriteArrayList<>();

    private TestContext(long cancelAt) {
        this.cancelAt = cancelAt;
    }

    public static TestContext running() {
        return new TestContext(Long.MAX_VALUE);
    }

    /** Cancelled as soon as progress of at least {@code done} units is reported. */
    public static TestContext cancelledAfter(long done) {
        return new TestContext(done);
    }

    /** The most units reported done so far (workers may report out of order). */
    public long lastDone() {
        return lastDone.get();
    }

    /** The total of the latest progress report. */
    public long lastTotal() {
        return lastTotal.get();
    }

    @Override
    public void progress(long done, long total) {
        progress.add(new long[] {done, total});
        lastDone.accumulateAndGet(done, Math::max);
        lastTotal.set(total);
        if (done >= cancelAt) {
            cancelled = true;
        }
    }

    @Override
    public void message(String text) {
        messages.add(text);
    }

    @Override
    public void publish(JobEvent.ItemEvent event) {}

    @Override
    public String jobId() {
        return jobId;
    }

    /** Turns cancelled now, as a user's cancel would. */
    public void cancelNow() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
