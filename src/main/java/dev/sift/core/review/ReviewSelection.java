package dev.sift.core.review;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.StoreException;
import java.util.List;

/**
 * The review rows of some datasets with the default score columns, and the rows a filter keeps: what
 * {@code sift review-stats}, {@code sift decide} and the Insights agreement read, the way the review screen does.
 *
 * @param view the rows the filter keeps, ascending
 */
public record ReviewSelection(ReviewRows rows, Verdicts verdicts, ReviewFilter filter, int[] view) {

    /** Loads the rows of {@code datasetIds} and applies {@code filter}, searching the word index when it has text. */
    public static ReviewSelection load(ProjectStore store, long[] datasetIds, ReviewFilter filter)
            throws StoreException {
        List<ScoreColumn> columns = ReviewColumns.defaults(store, datasetIds);
        ReviewRows rows = store.review().rows(datasetIds, columns);
        Verdicts verdicts = new Verdicts(rows, AgreementRules.defaults());
        long[] matches = filter.text().isEmpty() ? new long[0] : store.review().search(filter.text(), datasetIds);
        return new ReviewSelection(rows, verdicts, filter, filter.apply(rows, matches, verdicts));
    }

    /** The counts and agreement rates of the rows in view. */
    public ReviewStats stats() {
        return ReviewStats.of(rows, view, verdicts);
    }

    /** What {@code rule} would record for the rows in view. */
    public BulkPlan plan(BulkRule rule) {
        return rule.plan(rows, view);
    }
}
