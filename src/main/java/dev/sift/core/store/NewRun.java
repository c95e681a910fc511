package dev.sift.core.store;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A run to create.
 *
 * @param recipe the recipe's id, e.g. {@code generate-responses}
 * @param datasetId the dataset it works on, or 0 for none
 * @param configJson the recipe's full configuration as a JSON object, kept so the run can be resumed
 *     and reproduced; it must never hold a key
 * @param budgetUsd the spending cap, empty for none
 */
public record NewRun(String recipe, long datasetId, String configJson, long seed, OptionalDouble budgetUsd) {
    public NewRun {
        Objects.requireNonNull(recipe, "recipe");
        configJson = Objects.requireNonNullElse(configJson, "{}");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
    }
}
