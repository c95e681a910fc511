package dev.sift.core.llm.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes one model folder of a models folder, recursively, and nothing else: the target must be a real
 * directory (not a link) whose parent is the models folder itself, compared after resolving links, and
 * no download may be writing into it (its lock in {@code .partial} is free).
 */
final class ModelFolderDeletion {

    private final Path root;

    ModelFolderDeletion(Path root) {
        this.root = root;
    }

    long delete(Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        if (!root.equals(target.getParent()) || target.getFileName().toString().startsWith(".")) {
            throw new IllegalArgumentException("Refusing to delete " + target + ": it is not a model folder in " + root);
        }
        if (Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("Refusing to delete " + target + ": it is a link; remove it yourself");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("There is no model folder " + target.getFileName() + " in " + root);
        }
        if (!target.toRealPath().getParent().equals(root.toRealPath())) {
            throw new IllegalArgumentException("Refusing to delete " + target + ": it resolves outside " + root);
        }
        requireNoDownload(target);
        long size = sizeOf(target);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(target)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
        return size;
    }

    private static void requireNoDownload(Path target) throws IOException {
        Path lockFile = target.resolve(ModelsDirectory.PARTIAL).resolve(".lock");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw busy(target);
            }
        } catch (OverlappingFileLockException e) {
            throw busy(target);
        }
    }

    private static IllegalArgumentException busy(Path target) {
        return new IllegalArgumentException("A download into " + target + " is running; cancel it first");
    }

    static long sizeOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a download is writing or renaming it right now
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
