package dev.sift.ui.common;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;

/** A {@link Job} made from a title and a function, for short background reads. */
public final class QueryJob<R> implements Job<R> {

    /** The work of a query; may throw, which fails the job with the exception's message. */
    @FunctionalInterface
    public interface Work<R> {
        R run(JobContext context) throws Exception;
    }

    private final String title;
    private final Work<R> work;

    private QueryJob(String title, Work<R> work) {
        this.title = title;
        this.work = work;
    }

    public static <R> QueryJob<R> of(String title, Work<R> work) {
        return new QueryJob<>(title, work);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public R run(JobContext context) throws Exception {
        return work.run(context);
    }
}
