package dev.sift.core.store;

import java.util.Locale;
import java.util.Optional;

/** Where a sample stands in the review: the effect of its current decision. */
public enum ReviewState {
    /** No decision yet. */
    UNDECIDED,
    /** A candidate is kept. */
    CHOSEN,
    /** The curator's edit is kept. */
    EDITED,
    /** Left out. */
    REJECTED;

    /** The state a decision action leads to. */
    public static ReviewState of(DecisionAction action) {
        return switch (action) {
            case CHOOSE -> CHOSEN;
            case EDIT -> EDITED;
            case REJECT -> REJECTED;
        };
    }

    /** True when the sample goes into the curated dataset. */
    public boolean kept() {
        return this == CHOSEN || this == EDITED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReviewState> fromId(String id) {
        for (ReviewState s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
