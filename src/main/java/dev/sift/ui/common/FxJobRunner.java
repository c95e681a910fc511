package dev.sift.ui.common;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobHandle;
import dev.sift.core.job.JobRunner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs jobs on the core {@link JobRunner} and reports them on the JavaFX thread. User-visible jobs
 * are listed in {@link RunningJobs} from submission until their terminal event has been delivered.
 * Call from the UI thread.
 */
public final class FxJobRunner implements UiJobRunner {

    private final JobRunner runner;
    private final RunningJobs running;

    public FxJobRunner(JobRunner runner, RunningJobs running) {
        this.runner = runner;
        this.running = running;
    }

    @Override
    public <R> JobHandle<R> run(Job<R> job, JobCallbacks<R> callbacks) {
        var handle = new AtomicReference<JobHandle<R>>();
        var entry = new RunningJob(job.title(), () -> {
            JobHandle<R> h = handle.get();
            if (h != null) {
                h.cancel();
            }
        });
        running.add(entry);
        handle.set(runner.submit(job, new JobTask<>(entry, callbacks, () -> running.remove(entry))));
        return handle.get();
    }

    @Override
    public <R> JobHandle<R> query(Job<R> job, JobCallbacks<R> callbacks) {
        return runner.submit(job, new JobTask<>(null, callbacks, () -> {}));
    }
}
