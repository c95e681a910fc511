package dev.sift.core.store;

import java.util.Locale;
import java.util.Optional;

/** Who made a decision. */
public enum DecidedBy {
    ALGORITHM,
    CURATOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DecidedBy> fromId(String id) {
        for (DecidedBy d : values()) {
            if (d.id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
