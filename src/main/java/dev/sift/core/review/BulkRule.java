package dev.sift.core.review;

import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bulk actions of the review over the rows of a filter, each made a curator decision per row. */
public enum BulkRule {
    /** The curator confirms what the algorithm decided (rows without an algorithm decision are left alone). */
    ACCEPT_ALGORITHM("bulk-accept", "accept the algorithm's choice"),
    /** Leave the rows out. */
    REJECT("bulk-reject", "reject"),
    /** Keep the candidate each row shows (the current choice, else the original). */
    KEEP_SHOWN("bulk-keep", "keep the shown candidate"),
    /** Keep the imported record itself. */
    KEEP_ORIGINAL("bulk-original", "keep the original");

    private final String kind;
    private final String words;

    BulkRule(String kind, String words) {
        this.kind = kind;
        this.words = words;
    }

    /** In words, e.g. "accept the algorithm's choice". */
    public String words() {
        return words;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The decisions this rule makes for the rows in {@code view}. */
    public BulkPlan plan(ReviewRows rows, int[] view) {
        List<NewDecision> decisions = new ArrayList<>(view.length);
        int skipped = 0;
        String reason = "bulk: " + words;
        for (int r : view) {
            long sample = rows.sampleId(r);
            switch (this) {
                case ACCEPT_ALGORITHM -> {
                    ReviewState s = rows.algorithmState(r);
                    if (s == ReviewState.UNDECIDED) {
                        skipped++;
                    } else {
                        decisions.add(new NewDecision(sample, rows.algorithmCandidate(r),
                                s == ReviewState.REJECTED ? DecisionAction.REJECT : DecisionAction.CHOOSE,
                                DecidedBy.CURATOR, 0, reason));
                    }
                }
                case REJECT -> decisions.add(new NewDecision(sample, rows.shownCandidate(r), DecisionAction.REJECT,
                        DecidedBy.CURATOR, 0, reason));
                case KEEP_SHOWN -> decisions.add(new NewDecision(sample, rows.shownCandidate(r),
                        rows.state(r) == ReviewState.EDITED ? DecisionAction.EDIT : DecisionAction.CHOOSE,
                        DecidedBy.CURATOR, 0, reason));
                case KEEP_ORIGINAL -> decisions.add(new NewDecision(sample, 0, DecisionAction.CHOOSE,
                        DecidedBy.CURATOR, 0, reason));
            }
        }
        String description = String.format(Locale.ROOT, "%s for %,d samples", capitalized(), decisions.size());
        return new BulkPlan(kind, description, decisions, view.length, skipped);
    }

    private String capitalized() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
