package dev.sift.core.model;

/**
 * A stored instruction record with its provenance: the dataset it was imported into and its
 * zero-based index in the source file. {@code contentHash} is the hex SHA-256 of the canonical content.
 */
public record Sample(long id, long datasetId, int recordIndex, SampleContent content, String contentHash) {}
