package dev.sift.ui.testsupport;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.JobHandle;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** Runs every job at once on the calling thread and calls its callbacks before returning. */
public final class ImmediateUiJobRunner implements UiJobRunner {

    private final List<String> visibleJobs = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();

    /** Titles of the user-visible jobs run so far. */
    public List<String> visibleJobs() {
        return visibleJobs;
    }

    public List<String> queries() {
        return queries;
    }

    @Override
    public <R> JobHandle<R> run(Job<R> job, JobCallbacks<R> callbacks) {
        visibleJobs.add(job.title());
        return execute(job, callbacks);
    }

    @Override
    public <R> JobHandle<R> query(Job<R> job, JobCallbacks<R> callbacks) {
        queries.add(job.title());
        return execute(job, callbacks);
    }

    private static <R> JobHandle<R> execute(Job<R> job, JobCallbacks<R> callbacks) {
        var result = new CompletableFuture<R>();
        var items = new ArrayList<JobEvent.ItemEvent>();
        var context = new JobContext() {
            @Override
            public void progress(long done, long total) {}

            @Override
            public void message(String text) {}

            @Override
            public void publish(JobEvent.ItemEvent event) {
                items.add(event);
            }

            @Override
            public String jobId() {
                return "immediate";
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try {
            R value = job.run(context);
            if (!items.isEmpty()) {
                callbacks.items().accept(List.copyOf(items));
            }
            result.complete(value);
            callbacks.success().accept(value);
        } catch (JobCancelledException | InterruptedException e) {
            result.completeExceptionally(new CancellationException());
            callbacks.cancelled().run();
        } catch (Exception e) {
            result.completeExceptionally(e);
            String message = e.getMessage();
            callbacks.failure().accept(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
        } finally {
            callbacks.finished().run();
        }
        return new JobHandle<>() {
            @Override
            public String id() {
                return "immediate";
            }

            @Override
            public String title() {
                return job.title();
            }

            @Override
            public void cancel() {}

            @Override
            public CompletableFuture<R> result() {
                return result;
            }
        };
    }
}
