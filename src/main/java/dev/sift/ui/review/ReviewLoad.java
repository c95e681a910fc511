package dev.sift.ui.review;

import dev.sift.core.review.ReviewColumns;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.ui.common.QueryJob;
import java.util.Optional;

/**
 * What the review reads in one background query: the rows of the datasets with their default score columns, the
 * search matches re-read for the text in effect, the undo history's next steps, and the agent pairs by name.
 */
record ReviewLoad(
        ReviewRows rows, long[] matches, Optional<ReviewAction> undo, Optional<ReviewAction> redo,
        java.util.List<dev.sift.core.model.AgentPair> pairs) {

    /** @param text the search text in effect, "" for none */
    static QueryJob<ReviewLoad> job(ProjectStore store, long[] datasetIds, String text) {
        return QueryJob.of("Review rows", ctx -> read(store, datasetIds, text));
    }

    /**
     * {@code loaded} with one sample's row read again, after an action on it (no search text in effect); everything
     * when the sample is not among the loaded rows.
     */
    static QueryJob<ReviewLoad> oneSample(ProjectStore store, long[] datasetIds, ReviewLoad loaded, long sampleId) {
        return QueryJob.of("Review rows", ctx -> loaded.rows().rowOf(sampleId).isEmpty() ? read(store, datasetIds, "")
                : new ReviewLoad(loaded.rows().withRows(store.review().rowsOf(datasetIds, loaded.rows().columns(),
                        new long[] {sampleId})), new long[0], store.review().nextUndo(), store.review().nextRedo(),
                        loaded.pairs()));
    }

    private static ReviewLoad read(ProjectStore store, long[] datasetIds, String text) throws Exception {
        return new ReviewLoad(store.review().rows(datasetIds, ReviewColumns.defaults(store, datasetIds)),
                text.isEmpty() ? new long[0] : store.review().search(text, datasetIds),
                store.review().nextUndo(), store.review().nextRedo(), store.agents().listPairs());
    }
}
