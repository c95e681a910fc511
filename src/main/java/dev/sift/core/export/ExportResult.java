package dev.sift.core.export;

import java.nio.file.Path;
import java.util.Optional;

/** What an export wrote. */
public record ExportResult(Path file, Path manifest, long records, Optional<Path> datasetInfo) {}
