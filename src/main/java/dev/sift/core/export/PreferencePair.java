package dev.sift.core.export;

/**
 * One DPO preference pair: for a prompt, the kept answer against one the review ranked lower.
 *
 * @param chosenCandidate the kept candidate, 0 for the record itself
 * @param rejectedCandidate the lower-ranked candidate, 0 for the record itself
 * @param chosenBy who kept it: {@code curator} or {@code algorithm}
 */
record PreferencePair(long sampleId, String prompt, String chosen, String rejected, long chosenCandidate,
        long rejectedCandidate, String chosenBy) {

    /** The prompt of a single-turn record: the instruction, then a blank line and the input when there is one. */
    static String prompt(String instruction, String input) {
        return input.isEmpty() ? instruction : instruction + "\n\n" + input;
    }
}
