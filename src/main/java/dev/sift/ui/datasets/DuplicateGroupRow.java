package dev.sift.ui.datasets;

import java.util.List;

/**
 * A group of near duplicates as shown: its size, the representative's instruction, and each member
 * with its cosine similarity to the representative (why it matched).
 */
public record DuplicateGroupRow(int size, String representative, List<Member> members) {

    public DuplicateGroupRow {
        members = List.copyOf(members);
    }

    /** @param recordNumber one-based position in the source file, or 0 when the sample is gone */
    public record Member(long sampleId, int recordNumber, double similarity, String instruction) {

        public String label() {
            return String.format("%.3f similar · record %d · %s", similarity, recordNumber, DatasetText.oneLine(instruction));
        }
    }

    public String label() {
        return size + " samples · " + DatasetText.oneLine(representative);
    }
}
