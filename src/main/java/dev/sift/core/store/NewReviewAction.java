package dev.sift.core.store;

import java.util.List;
import java.util.Objects;

/**
 * A curator action to record: its decisions (all by the curator) and notes, written in one transaction.
 *
 * @param kind what sort of action, e.g. {@code choose}, {@code reject}, {@code note}, {@code bulk-accept}
 * @param description what it does, in words, e.g. "choose candidate 2 of sample 17"
 */
public record NewReviewAction(String kind, String description, List<NewDecision> decisions, List<Note> notes) {

    /** A sample's note; an empty text clears it. */
    public record Note(long sampleId, String text) {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    public NewReviewAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        decisions = List.copyOf(decisions);
        notes = List.copyOf(notes);
        if (decisions.isEmpty() && notes.isEmpty()) {
            throw new IllegalArgumentException("an action needs at least one decision or note");
        }
        for (NewDecision d : decisions) {
            if (d.decidedBy() != DecidedBy.CURATOR) {
                throw new IllegalArgumentException("review actions hold curator decisions only");
            }
        }
    }

    /** An action of decisions only. */
    public static NewReviewAction of(String kind, String description, List<NewDecision> decisions) {
        return new NewReviewAction(kind, description, decisions, List.of());
    }

    /** The samples it touches, in order, each once. */
    public List<Long> sampleIds() {
        var ids = new java.util.LinkedHashSet<Long>();
        decisions.forEach(d -> ids.add(d.sampleId()));
        notes.forEach(n -> ids.add(n.sampleId()));
        return List.copyOf(ids);
    }
}
