package dev.sift.core.store;

import java.util.Locale;
import java.util.Optional;

/** Where a candidate came from. */
public enum CandidateOrigin {
    /** The imported record itself. */
    ORIGINAL,
    /** Written by an agent or agent pair in a run. */
    GENERATED,
    /** Rewritten by a teacher's reflection. */
    REFLECTION,
    /** Generated from raw content by an AgentInstruct flow. */
    INSTRUCT,
    /** The answer another dataset gives to the same instruction and input ("compare datasets"). */
    DATASET,
    /** Written by the curator while reviewing (an edit). */
    CURATOR;

    /** The lower-case form kept in the project file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CandidateOrigin> fromId(String id) {
        for (CandidateOrigin o : values()) {
            if (o.id().equals(id)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
