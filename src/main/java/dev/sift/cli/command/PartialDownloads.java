package dev.sift.cli.command;

import dev.sift.core.llm.models.ModelsDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The downloads in a models folder that stopped part-way: folders holding {@value ModelsDirectory#PARTIAL}. */
final class PartialDownloads {

    private PartialDownloads() {}

    /**
     * @param repoId the repository the folder stands for ({@code owner--name} reads as {@code owner/name})
     * @param bytesSoFar what has arrived, counting unfinished files
     */
    record Partial(String repoId, Path folder, long bytesSoFar) {}

    static List<Partial> in(ModelsDirectory models) throws IOException {
        if (!Files.isDirectory(models.root())) {
            return List.of();
        }
        List<Partial> partial = new ArrayList<>();
        try (Stream<Path> children = Files.list(models.root())) {
            for (Path folder : children.sorted().toList()) {
                String name = folder.getFileName().toString();
                Path pending = folder.resolve(ModelsDirectory.PARTIAL);
                if (!name.startsWith(".") && Files.isDirectory(pending)) {
                    partial.add(new Partial(name.replaceFirst("--", "/"), folder, bytesUnder(pending)));
                }
            }
        }
        return partial;
    }

    private static long bytesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
