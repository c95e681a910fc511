package dev.sift.ui.common;

import java.util.function.Consumer;

/**
 * Background reads of which only the latest counts: each {@linkplain #run run} supersedes the ones before it, and the
 * answer of a superseded read (or of any read after {@link #cancel()}) is dropped, so a slow answer for a dataset the
 * user has left never overwrites the one shown. The answers arrive on the UI thread through the {@link UiJobRunner}.
 */
public final class LatestQuery {

    private final UiJobRunner jobs;
    private long generation;

    public LatestQuery(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    /** Reads {@code work} off the UI thread, then shows its result or its failure reason unless superseded. */
    public <T> void run(String title, QueryJob.Work<T> work, Consumer<? super T> show, Consumer<String> failed) {
        long current = ++generation;
        jobs.query(QueryJob.of(title, work), JobCallbacks.<T>onSuccess(found -> {
            if (current == generation) {
                show.accept(found);
            }
        }).onFailure(reason -> {
            if (current == generation) {
                failed.accept(reason);
            }
        }));
    }

    /** Drops the answer of every read started so far. */
    public void cancel() {
        generation++;
    }
}
