package dev.sift.ui.review;

import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.function.Consumer;

/**
 * The review's full-text search through the store's word index, off the UI thread: the text whose matches are in
 * effect and those matches. The index is prepared in the background when a scope is shown; a search that comes
 * before it is ready says it builds the index, which takes a while on a large project.
 */
final class ReviewSearch {

    /** The title of the background job that prepares the index. */
    static final String INDEX_JOB = "Review search index";

    private final UiJobRunner jobs;
    private String matchedText = "";
    private long[] matches = new long[0];
    private boolean indexReady;
    private String preparedFor = "";
    private long generation;

    ReviewSearch(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    /** The text whose matches are in effect, "" for none. */
    String matchedText() {
        return matchedText;
    }

    /** The sample ids matching {@link #matchedText()}, ascending. */
    long[] matches() {
        return matches;
    }

    /**
     * Searches {@code text} in the datasets; {@code applied} runs once its matches are in effect.
     *
     * @param datasetIds null when there is no dataset
     */
    void run(ProjectStore store, long[] datasetIds, String text, Consumer<String> message, Runnable applied) {
        String wanted = text.strip();
        long gen = ++generation;
        if (wanted.isEmpty() || store == null || datasetIds == null) {
            matchedText = "";
            matches = new long[0];
            applied.run();
            return;
        }
        message.accept(indexReady ? "Searching…" : "Building the search index…");
        jobs.query(QueryJob.of("Review search", ctx -> store.review().search(wanted, datasetIds)),
                JobCallbacks.<long[]>onSuccess(found -> {
                    indexReady = true;
                    if (gen == generation) {
                        matchedText = wanted;
                        matches = found;
                        message.accept("");
                        applied.run();
                    }
                }).onFailure(reason -> message.accept("The search failed: " + reason)));
    }

    /**
     * Brings the word index up to date in the background as soon as the review shows a scope, once per scope, so
     * that the curator's first search does not wait for it (seconds on a large project).
     */
    void prepare(ProjectStore store, long[] datasetIds) {
        String scope = store.file() + java.util.Arrays.toString(datasetIds);
        if (scope.equals(preparedFor)) {
            return;
        }
        preparedFor = scope;
        jobs.query(QueryJob.of(INDEX_JOB, ctx -> store.review().search("", datasetIds)),
                JobCallbacks.<long[]>onSuccess(all -> indexReady = true));
    }

    /** Matches re-read for {@code text} along with reloaded rows; kept when the text is still in effect. */
    void refreshed(String text, long[] found) {
        if (text.equals(matchedText)) {
            matches = found;
        }
    }

    /** Drops a search on its way. */
    void cancel() {
        generation++;
    }
}
