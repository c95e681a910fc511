package dev.sift.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded curator action: one choice, edit, rejection or note, or a bulk action over a filter. Its decisions and
 * notes are undone and redone together.
 *
 * @param kind what sort of action, e.g. {@code choose}, {@code bulk-accept}
 * @param description what it did, in words, for the undo and redo labels and the history
 * @param sampleCount how many samples it touched
 * @param firstSampleId the first sample it touched, so the review can show it after an undo; 0 for none
 * @param undoneAt when it was undone, empty while it holds
 */
public record ReviewAction(
        long id, String kind, String description, int sampleCount, long firstSampleId, Instant createdAt,
        Optional<Instant> undoneAt) {}
