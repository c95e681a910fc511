package dev.sift.core.store;

import java.time.Instant;

/**
 * A named pool of raw seed documents cut into chunks, the raw material of an AgentInstruct run.
 *
 * @param settingsJson how the collection was cut and from where (chunk token budget, overlap, sources), as JSON
 * @param documents documents read (files, or records of a JSONL file) that gave at least one chunk
 * @param chunks chunks stored
 * @param duplicates chunks skipped because the collection already held the same normalised text
 */
public record SeedCollection(
        long id, String name, Instant createdAt, String settingsJson, int documents, int chunks, int duplicates) {}
