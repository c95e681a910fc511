package dev.sift.ui.review;

import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.function.Consumer;

/**
 * The review's full-text search through the store's word index, off the UI thread: the text whose matches are in
 * effect and those matches. The first search of a screen says it builds the index, which takes a while on a large
 * project; later ones only bring it up to date.
 */
final class ReviewSearch {

    private final UiJobRunner jobs;
    private String matchedText = "";
    private long[] matches = new long[0];
    private boolean searchedOnce;
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
        message.accept(searchedOnce ? "Searching…" : "Building the search index…");
        searchedOnce = true;
        jobs.query(QueryJob.of("Review search", ctx -> store.review().search(wanted, datasetIds)),
                JobCallbacks.<long[]>onSuccess(found -> {
                    if (gen == generation) {
                        matchedText = wanted;
                        matches = found;
                        message.accept("");
                        applied.run();
                    }
                }).onFailure(reason -> message.accept("The search failed: " + reason)));
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
