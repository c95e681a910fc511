package dev.sift.core.dataset;

import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link JobContext} for running jobs directly in tests; records what the job reports. */
class RecordingContext implements JobContext {

    final List<long[]> progress = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();
    volatile boolean cancelled;

    @Override
    public void progress(long done, long total) {
        progress.add(new long[] {done, total});
    }

    @Override
    public void message(String text) {
        messages.add(text);
    }

    @Override
    public void publish(JobEvent.ItemEvent event) {}

    @Override
    public String jobId() {
        return "test-job";
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
