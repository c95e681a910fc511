package dev.sift.core.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an export wrote.
 *
 * @param curation for a curated export, how the exported samples stood in the review
 * @param preferencePairs the preference pairs file, when one was asked for
 */
public record ExportResult(Path file, Path manifest, long records, Optional<Path> datasetInfo,
        Optional<CurationCounts> curation, Optional<Path> preferencePairs) {

    public ExportResult(Path file, Path manifest, long records, Optional<Path> datasetInfo) {
        this(file, manifest, records, datasetInfo, Optional.empty(), Optional.empty());
    }
}
