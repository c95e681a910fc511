package dev.sift.core.export;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.SampleQuery;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to export.
 *
 * @param query the samples to write (datasets and text filter)
 * @param format ALPACA_JSON, ALPACA_JSONL, SHAREGPT or MESSAGES_JSONL
 * @param target the file to write; replaced atomically
 * @param llamaFactoryEntry also write a LLaMA-Factory {@code dataset_info.json} entry beside it
 * @throws IllegalArgumentException when {@code format} is an import-only format (Dolly, CSV)
 */
public record ExportRequest(SampleQuery query, DatasetFormat format, Path target, boolean llamaFactoryEntry) {
    public ExportRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        ExportFormat.of(format);
        if (target.getFileName() == null) {
            throw new IllegalArgumentException("the export target must be a file, was " + target);
        }
    }
}
