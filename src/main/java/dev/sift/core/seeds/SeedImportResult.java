package dev.sift.core.seeds;

import dev.sift.core.store.SeedCollection;
import java.util.List;

/**
 * What a seed import stored, and the files it skipped.
 *
 * @param warnings one line per skipped file, naming it and why
 */
public record SeedImportResult(SeedCollection collection, List<String> warnings) {
    public SeedImportResult {
        warnings = List.copyOf(warnings);
    }
}
