package dev.sift.core.seeds;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A seed collection to import.
 *
 * @param name the collection's name; it must not be taken
 * @param paths seed files and folders, in the order their documents are read
 */
public record SeedImportRequest(String name, List<Path> paths, ChunkSettings settings) {
    public SeedImportRequest {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a seed collection needs a name");
        }
        name = name.strip();
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give at least one seed file or folder");
        }
        Objects.requireNonNull(settings, "settings");
    }
}
