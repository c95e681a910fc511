package dev.sift.core.llm.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Downloads chosen files of a Hub repository into the models folder. Started only on the user's request.
 *
 * <p><b>How.</b> The job lists the repository (sizes and SHA-256 from the Hub), then fetches each file
 * into {@code <model>/.partial/<path>.part}. A {@code .part} left by an earlier run is resumed with
 * {@code Range: bytes=N-}; a server that ignores the range (200) or refuses it (416) makes the file
 * start over. A dropped connection is resumed the same way, up to {@value #DEFAULT_ATTEMPTS} attempts per
 * file. Each finished file is checked (size, and SHA-256 when the listing gives one) and renamed to
 * {@code .partial/<path>}. When all are there they are moved into the model folder, one atomic rename
 * each, and {@code .partial} is deleted last: that deletion is what makes the model installed, so a
 * half-downloaded model never lists as one (see {@link ModelsDirectory}).
 *
 * <p><b>Progress</b> is in bytes across all files (unknown total when a size is missing). <b>Cancel</b>
 * is honoured between chunks of {@value #CHUNK} bytes and keeps the {@code .part} for a later resume.
 * Two downloads of the same model at once are refused (a lock file in {@code .partial}).
 *
 * <p>Re-running the job for an installed model downloads it again; callers offer the download only for
 * models that are not installed.
 */
public final class ModelDownloadJob implements Job<Path> {

    static final int CHUNK = 64 * 1024;
    static final int DEFAULT_ATTEMPTS = 3;
    /** Written into the model folder when a download completes: where the files came from. */
    public static final String MANIFEST = ".sift-download.json";

    private static final String PART = ".part";
    private static final String LOCK = ".lock";

    private final HubClient hub;
    private final ModelsDirectory models;
    private final ModelDownloadRequest request;
    private final int attemptsPerFile;

    public ModelDownloadJob(HubClient hub, ModelsDirectory models, ModelDownloadRequest request) {
        this(hub, models, request, DEFAULT_ATTEMPTS);
    }

    ModelDownloadJob(HubClient hub, ModelsDirectory models, ModelDownloadRequest request, int attemptsPerFile) {
        this.hub = hub;
        this.models = models;
        this.request = request;
        this.attemptsPerFile = Math.max(1, attemptsPerFile);
    }

    @Override
    public String title() {
        return "Download " + request.repoId();
    }

    /** Returns the model folder, complete and installed. */
    @Override
    public Path run(JobContext context) throws IOException, JobCancelledException {
        String repo = request.repoId();
        context.message("Listing the files of " + repo);
        List<RepoFile> files = chosenFiles(hub.listFiles(repo, request.revision()));
        context.checkCancelled();

        Path folder = models.folderFor(repo);
        Path partial = folder.resolve(ModelsDirectory.PARTIAL);
        Files.createDirectories(partial);
        Progress progress = new Progress(context, files);
        try (FileChannel lockFile = FileChannel.open(partial.resolve(LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile)) {
            for (RepoFile file : files) {
                fetch(file, partial, progress);
            }
            context.message("Installing " + repo);
            for (RepoFile file : files) {
                move(resolve(partial, file.path()), resolve(folder, file.path()));
            }
            writeManifest(folder, files);
        }
        deleteTree(partial); // the model counts as installed from here on
        context.progress(progress.done, progress.total);
        context.message("Downloaded " + repo);
        return folder;
    }

    private List<RepoFile> chosenFiles(List<RepoFile> listing) throws ModelDownloadException {
        Map<String, RepoFile> byPath = listing.stream()
                .collect(Collectors.toMap(RepoFile::path, Function.identity(), (a, b) -> a));
        List<String> missing = request.files().stream().filter(p -> !byPath.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            String onnx = listing.stream().map(RepoFile::path).filter(p -> p.endsWith(".onnx")).sorted()
                    .collect(Collectors.joining(", "));
            throw new ModelDownloadException(request.repoId() + " at " + request.revision() + " has no "
                    + String.join(", ", missing) + "; its ONNX files are: " + (onnx.isEmpty() ? "none" : onnx));
        }
        return request.files().stream().map(byPath::get).toList();
    }

    private FileLock tryLock(FileChannel channel) throws ModelDownloadException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            throw new ModelDownloadException("Another download of " + request.repoId() + " is running");
        }
        return lock;
    }

    /** Brings one file to {@code .partial/<path>}, verified. */
    private void fetch(RepoFile file, Path partial, Progress progress) throws IOException, JobCancelledException {
        Path done = resolve(partial, file.path());
        Path part = done.resolveSibling(done.getFileName() + PART);
        Files.createDirectories(done.getParent());
        if (Files.isRegularFile(done)) {
            if (DownloadChecks.matches(file, done, progress.context)) {
                progress.fileDone(file, Files.size(done));
                return;
            }
            Files.delete(done);
        }
        for (int attempt = 1; ; attempt++) {
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (file.sizeKnown() && have > file.size()) {
                Files.delete(part);
                have = 0;
            }
            try {
                if (!file.sizeKnown() || have < file.size()) {
                    download(file, part, have, progress);
                }
                break;
            } catch (HubException e) {
                throw e;
            } catch (IOException e) {
                long got = Files.isRegularFile(part) ? Files.size(part) : 0;
                if (attempt >= attemptsPerFile) {
                    throw new ModelDownloadException("The download of " + file.path() + " stopped after " + got
                            + (file.sizeKnown() ? " of " + file.size() : "") + " bytes (" + e.getMessage()
                            + "); start it again to resume", e);
                }
                progress.context.message("Connection lost in " + file.path() + "; resuming at byte " + got);
            }
        }
        DownloadChecks.verify(file, part, progress.context);
        Files.move(part, done, StandardCopyOption.REPLACE_EXISTING);
        progress.fileDone(file, Files.size(done));
    }

    private void download(RepoFile file, Path part, long have, Progress progress)
            throws IOException, JobCancelledException {
        progress.context.message((have > 0 ? "Resuming " : "Downloading ") + file.path());
        try (HubClient.Download download = hub.open(request.repoId(), request.revision(), file.path(), have)) {
            if (download.rangeRefused()) {
                if (have == 0) {
                    throw new HubException("HTTP 416 for " + file.path() + " without a range", 416);
                }
                Files.deleteIfExists(part);
                download.close();
                download(file, part, 0, progress);
                return;
            }
            long start = download.offset();
            if (start != have && start != 0) {
                throw new HubException("The server sent " + file.path() + " from byte " + start + " when asked for "
                        + have, download.status());
            }
            if (have > 0 && start == 0) {
                progress.context.message("The server ignored the range; downloading " + file.path() + " again");
            }
            StandardOpenOption mode = start == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            long position = start;
            try (InputStream in = download.body();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE, mode)) {
                byte[] buffer = new byte[CHUNK];
                progress.inFile(position);
                while (true) {
                    progress.context.checkCancelled();
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    position += n;
                    progress.inFile(position);
                }
            }
        }
    }

    /** {@code base/path}, refusing anything that would land outside {@code base}. */
    private static Path resolve(Path base, String path) throws ModelDownloadException {
        Path resolved = base.resolve(path).normalize();
        if (!resolved.startsWith(base)) {
            throw new ModelDownloadException("Refusing a file path outside the model folder: " + path);
        }
        return resolved;
    }

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeManifest(Path folder, List<RepoFile> files) throws IOException {
        ObjectNode manifest = HubListing.JSON.createObjectNode();
        manifest.put("repoId", request.repoId());
        manifest.put("revision", request.revision());
        manifest.put("source", hub.baseUrl());
        manifest.put("downloadedAt", Instant.now().toString());
        ArrayNode list = manifest.putArray("files");
        for (RepoFile file : files) {
            ObjectNode entry = list.addObject().put("path", file.path()).put("size", file.size());
            if (file.sha256() != null) {
                entry.put("sha256", file.sha256());
            }
        }
        Path temporary = folder.resolve(MANIFEST + ".tmp");
        HubListing.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), manifest);
        move(temporary, folder.resolve(MANIFEST));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** Bytes done across all files: those finished plus the position in the current one. */
    private static final class Progress {
        final JobContext context;
        final long total;
        long done;

        Progress(JobContext context, List<RepoFile> files) {
            this.context = context;
            this.total = files.stream().allMatch(RepoFile::sizeKnown)
                    ? files.stream().mapToLong(RepoFile::size).sum() : -1;
        }

        void inFile(long position) {
            context.progress(done + position, total);
        }

        void fileDone(RepoFile file, long size) {
            done += size;
            context.progress(done, total);
        }
    }
}
