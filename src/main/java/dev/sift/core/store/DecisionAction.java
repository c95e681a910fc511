package dev.sift.core.store;

import java.util.Locale;
import java.util.Optional;

/** What a decision does to a sample. */
public enum DecisionAction {
    /** Keep the sample (with the decision's candidate). */
    CHOOSE,
    /** Keep it as edited by the curator. */
    EDIT,
    /** Leave it out. */
    REJECT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DecisionAction> fromId(String id) {
        for (DecisionAction a : values()) {
            if (a.id().equals(id)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
