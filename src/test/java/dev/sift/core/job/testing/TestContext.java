package dev.sift.core.job.testing;

import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A job context that records progress and can turn cancelled once a number of records is done. */
public final class TestContext implements JobContext {

    private final long cancelAt;
    private volatile boolean cancelled;
    public final List<long[]> progress = new ArrayList<>();

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

    @Override
    public void progress(long done, long total) {
        progress.add(new long[] {done, total});
        if (done >= cancelAt) {
            cancelled = true;
        }
    }

    @Override
    public void message(String text) {}

    @Override
    public void publish(JobEvent.ItemEvent event) {}

    @Override
    public String jobId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
