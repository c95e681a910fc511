package dev.sift.core.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One execution of a recipe, as stored. Token and cost totals are the sums of the run's LLM call
 * log (cached answers count zero).
 *
 * @param datasetId 0 when the run has no dataset
 * @param error why it failed or stopped; empty otherwise
 */
public record Run(
        long id,
        String recipe,
        long datasetId,
        String configJson,
        long seed,
        RunStatus status,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        long doneItems,
        long totalItems,
        long tokensIn,
        long tokensOut,
        double costUsd,
        OptionalDouble budgetUsd,
        String error) {}
