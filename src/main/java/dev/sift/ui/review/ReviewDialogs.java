package dev.sift.ui.review;

import dev.sift.core.review.CandidateDetail;
import java.util.Optional;

/**
 * The review's own dialogs, so that the view model never touches windows and tests can answer for the curator. Both
 * block until the curator has answered and are called on the UI thread.
 */
public interface ReviewDialogs {

    /** The curator's version of a sample. */
    record EditedText(String instruction, String input, String response) {}

    /** Asks for an edit, prefilled from {@code shown}; empty when cancelled. */
    Optional<EditedText> edit(long sampleId, CandidateDetail shown);

    /** Asks for the sample's note, prefilled with {@code current}; empty when cancelled, "" to clear it. */
    Optional<String> note(long sampleId, String current);
}
