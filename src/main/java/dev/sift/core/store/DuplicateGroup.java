package dev.sift.core.store;

import java.util.List;

/**
 * Samples that look like the same record. The first member is the representative; each member's
 * similarity is its cosine similarity to the representative (1.0 for the representative itself).
 */
public record DuplicateGroup(List<Member> members) {

    public DuplicateGroup {
        members = List.copyOf(members);
    }

    public record Member(long sampleId, double similarity) {}
}
