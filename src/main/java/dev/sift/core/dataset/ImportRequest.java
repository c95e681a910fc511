package dev.sift.core.dataset;

import dev.sift.core.model.DatasetFormat;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import.
 *
 * @param format the record layout, or empty to detect it from the file
 * @param datasetName the name in the project, or empty to derive it from the file name
 */
public record ImportRequest(Path file, Optional<DatasetFormat> format, Optional<String> datasetName, CsvMapping csvMapping) {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(csvMapping, "csvMapping");
    }

    /** Detected format, name from the file, default CSV columns. */
    public static ImportRequest of(Path file) {
        return new ImportRequest(file, Optional.empty(), Optional.empty(), CsvMapping.defaults());
    }
}
