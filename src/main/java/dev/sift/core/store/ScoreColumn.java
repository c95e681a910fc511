package dev.sift.core.store;

import java.util.Objects;

/**
 * A score shown as a review column: the value of one score group's rows, or one number from their details.
 *
 * @param key the column's name in filters and on screen, e.g. {@code ifd}, {@code ifd_ppl}, {@code judge}
 * @param group the metric, scorer and settings the value comes from
 * @param detailsField a top-level number in the score's details to read instead of its value, or empty
 */
public record ScoreColumn(String key, ScoreGroup group, String detailsField) {
    public ScoreColumn {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(group, "group");
        detailsField = Objects.requireNonNullElse(detailsField, "");
        if (!detailsField.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("details field '" + detailsField + "' must be a plain name");
        }
    }

    /** The group's value. */
    public static ScoreColumn value(String key, ScoreGroup group) {
        return new ScoreColumn(key, group, "");
    }
}
