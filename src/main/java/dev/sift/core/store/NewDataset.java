package dev.sift.core.store;

import dev.sift.core.model.DatasetFormat;
import java.util.Objects;

/** What is known about a dataset before its records are read. */
public record NewDataset(String name, String sourceFile, DatasetFormat format) {
    public NewDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(format, "format");
    }
}
