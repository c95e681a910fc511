package dev.sift.core.export;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.SampleQuery;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to export.
 *
 * @param query the samples to write (datasets and text filter)
 * @param format ALPACA_JSON, ALPACA_JSONL, SHAREGPT or MESSAGES_JSONL
 * @param target the file to write; replaced atomically
 * @param llamaFactoryEntry also write a LLaMA-Factory {@code dataset_info.json} entry beside it
 * @param accepted write the curated dataset: only the samples whose current decision keeps them, each with the
 *     content its decision keeps (see {@link CuratedExport}); a query that asks for chosen samples only means the same
 * @param preferencePairs where to write DPO preference pairs (JSON lines) built from the decisions; only with
 *     {@code accepted}
 * @throws IllegalArgumentException when {@code format} is an import-only format (Dolly, CSV), or pairs are asked for
 *     without {@code accepted}
 */
public record ExportRequest(SampleQuery query, DatasetFormat format, Path target, boolean llamaFactoryEntry,
        boolean accepted, Optional<Path> preferencePairs) {

    public ExportRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(preferencePairs, "preferencePairs");
        ExportFormat.of(format);
        if (target.getFileName() == null) {
            throw new IllegalArgumentException("the export target must be a file, was " + target);
        }
        accepted = accepted || query.chosenOnly();
        if (preferencePairs.isPresent() && !accepted) {
            throw new IllegalArgumentException("preference pairs come from decisions: export the accepted samples");
        }
        if (preferencePairs.isPresent() && (preferencePairs.get().getFileName() == null
                || preferencePairs.get().toAbsolutePath().equals(target.toAbsolutePath()))) {
            throw new IllegalArgumentException("the preference pairs need a file of their own, was "
                    + preferencePairs.get());
        }
    }

    /** Every sample the query matches, as imported (or, when the query asks for chosen ones, the curated dataset). */
    public ExportRequest(SampleQuery query, DatasetFormat format, Path target, boolean llamaFactoryEntry) {
        this(query, format, target, llamaFactoryEntry, false, Optional.empty());
    }

    /** The curated dataset of the query's samples, with preference pairs when {@code pairs} is present. */
    public static ExportRequest accepted(SampleQuery query, DatasetFormat format, Path target,
            boolean llamaFactoryEntry, Optional<Path> pairs) {
        return new ExportRequest(query, format, target, llamaFactoryEntry, true, pairs);
    }
}
