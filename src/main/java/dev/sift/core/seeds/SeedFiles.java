package dev.sift.core.seeds;

import dev.sift.core.dataset.ImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed files under the paths a user gave: a file as it is, a folder with every file below it in name order
 * (hidden files and folders left out). Files of a type Sift does not read are skipped with a warning.
 */
public final class SeedFiles {

    /** A file to read, the name it goes by (the path as given) and what it holds. */
    public record SeedFile(Path path, String source, SeedFileType type) {}

    private final List<SeedFile> files = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private SeedFiles() {}

    /** @throws ImportException when a path does not exist or a folder cannot be listed */
    public static SeedFiles of(List<Path> paths) throws ImportException {
        var found = new SeedFiles();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                found.addFolder(path);
            } else if (Files.isRegularFile(path)) {
                found.add(path, slashes(path.toString()));
            } else {
                throw new ImportException(path, "", "", "does not exist (give seed files or folders)");
            }
        }
        return found;
    }

    private void addFolder(Path folder) throws ImportException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> below = walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted((a, b) -> slashes(folder.relativize(a).toString())
                            .compareTo(slashes(folder.relativize(b).toString())))
                    .toList();
            for (Path file : below) {
                add(file, slashes(folder.resolve(folder.relativize(file)).toString()));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException(folder, "", "", "cannot be listed: " + e.getMessage(), e);
        }
    }

    private void add(Path file, String source) {
        SeedFileType.of(file).ifPresentOrElse(type -> files.add(new SeedFile(file, source, type)),
                () -> warnings.add(source + ": skipped, not a text, Markdown, code or JSONL file"));
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }

    public List<SeedFile> files() {
        return List.copyOf(files);
    }

    /** One line per skipped file, naming it and why. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
