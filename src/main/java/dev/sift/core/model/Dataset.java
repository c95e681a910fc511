package dev.sift.core.model;

import java.time.Instant;

/**
 * An imported collection of samples: where it came from and what the import found.
 *
 * @param records records read from the source file
 * @param samples records stored (records minus exact duplicates)
 * @param duplicates exact duplicates skipped at import
 */
public record Dataset(
        long id,
        String name,
        String sourceFile,
        DatasetFormat format,
        Instant importedAt,
        int records,
        int samples,
        int duplicates) {}
