package dev.sift.core.review;

import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import java.util.List;

/**
 * What a bulk action would record, for the confirmation ("Accept the algorithm's choice for 1,204 samples? 96 have
 * none and are left alone.") and then for {@link dev.sift.core.store.ReviewStore#record}.
 *
 * @param matched rows the filter selected
 * @param skipped rows the rule has nothing for (e.g. no algorithm decision), left alone
 */
public record BulkPlan(String kind, String description, List<NewDecision> decisions, int matched, int skipped) {

    public BulkPlan {
        decisions = List.copyOf(decisions);
    }

    /** The action to record; only when there are decisions. */
    public NewReviewAction action() {
        return NewReviewAction.of(kind, description, decisions);
    }
}
