package dev.sift.core.llm.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder that holds local models, one sub-folder per Hub repository.
 *
 * <p><b>Where.</b> By default {@code ~/.cache/sift/models} ({@code $XDG_CACHE_HOME/sift/models} when that
 * variable is set). Models are large and can be fetched again, so they belong in a cache, not beside
 * the settings in {@code ~/.config/sift}; backup tools commonly skip {@code ~/.cache}. The system
 * property {@value #PROPERTY} or the environment variable {@value #VARIABLE} overrides it, and tests pass
 * any folder to the constructor.
 *
 * <p><b>Layout.</b> {@code <models>/<owner>--<name>/} mirrors the repository's files
 * ({@code onnx/model.onnx}, {@code tokenizer.json}, …). A download in progress keeps its files under
 * {@code <folder>/.partial/} and a model folder holding {@code .partial} is never listed as installed.
 *
 * <p>Nothing here touches the network; reading the folder is cheap and may be done on any thread.
 */
public final class ModelsDirectory {

    public static final String PROPERTY = "sift.models.dir";
    public static final String VARIABLE = "SIFT_MODELS_DIR";
    /** The sub-folder of a model folder where an unfinished download lives. */
    public static final String PARTIAL = ".partial";

    private static final Pattern REPO_PART = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?");
    private static final String SEPARATOR = "--";

    private final Path root;

    public ModelsDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The default folder, honouring {@value #PROPERTY}, {@value #VARIABLE} and {@code XDG_CACHE_HOME}. */
    public static ModelsDirectory atDefaultLocation() {
        return new ModelsDirectory(defaultRoot(System.getenv(), System.getProperty(PROPERTY),
                Path.of(System.getProperty("user.home"))));
    }

    static Path defaultRoot(Map<String, String> env, String property, Path home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = env.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return cache.resolve("sift").resolve("models");
    }

    public Path root() {
        return root;
    }

    /**
     * The folder name for a Hub repository id: {@code HuggingFaceTB/SmolLM2-135M-Instruct} becomes
     * {@code HuggingFaceTB--SmolLM2-135M-Instruct}; an id without owner ({@code gpt2}) stays as it is.
     *
     * @throws IllegalArgumentException when the id is not a valid {@code owner/name} or {@code name}
     */
    public static String folderName(String repoId) {
        if (repoId == null) {
            throw new IllegalArgumentException("No repository id given");
        }
        String[] parts = repoId.split("/", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= REPO_PART.matcher(part).matches() && !part.contains("..") && !part.contains(SEPARATOR);
        }
        if (!valid) {
            throw new IllegalArgumentException("Not a Hugging Face repository id (owner/name): \"" + repoId + "\"");
        }
        return String.join(SEPARATOR, parts);
    }

    /** The reverse of {@link #folderName}: the first {@code --} reads as {@code /}. */
    static String repoIdOf(String folderName) {
        int at = folderName.indexOf(SEPARATOR);
        return at < 0 ? folderName : folderName.substring(0, at) + "/" + folderName.substring(at + SEPARATOR.length());
    }

    /** Where the model of {@code repoId} lives (whether or not it is there). */
    public Path folderFor(String repoId) {
        return root.resolve(folderName(repoId));
    }

    /** The installed models, sorted by name; an absent models folder simply has none. */
    public List<InstalledModel> installed() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<InstalledModel> models = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                if (!child.getFileName().toString().startsWith(".")) {
                    read(child).ifPresent(models::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models folder " + root + ": " + e.getMessage(), e);
        }
        return models;
    }

    /** The installed model of {@code repoId}, if it is complete. */
    public Optional<InstalledModel> find(String repoId) {
        return read(folderFor(repoId));
    }

    public boolean isInstalled(String repoId) {
        return find(repoId).isPresent();
    }

    /** Whether a download of {@code repoId} was started and not finished (it can be resumed). */
    public boolean hasPartialDownload(String repoId) {
        return Files.isDirectory(folderFor(repoId).resolve(PARTIAL));
    }

    /** The downloads that stopped part-way, sorted by folder name; an absent models folder has none. */
    public List<PartialDownload> partialDownloads() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<PartialDownload> partial = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path folder : children.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!name.startsWith(".") && Files.isDirectory(folder.resolve(PARTIAL))) {
                    partial.add(new PartialDownload(name, folder, sizeOf(folder.resolve(PARTIAL))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models folder " + root + ": " + e.getMessage(), e);
        }
        return partial;
    }

    /**
     * The folder name a user means: a repository id ({@code owner/name}) or a folder name
     * ({@code owner--name}) as listed.
     *
     * @throws IllegalArgumentException for anything else, e.g. a path
     */
    public static String folderNameOf(String nameOrRepoId) {
        if (nameOrRepoId != null && nameOrRepoId.contains("/")) {
            return folderName(nameOrRepoId);
        }
        return folderName(repoIdOf(nameOrRepoId == null ? "" : nameOrRepoId));
    }

    /** The size of the files under {@code folder} (0 for none); files vanishing meanwhile count as 0. */
    public static long sizeOf(Path folder) {
        return ModelFolderDeletion.sizeOf(folder);
    }

    /**
     * Deletes the model folder {@code name} (installed or partial) and everything in it, links not
     * followed. Refuses any folder that is not directly inside the models folder, and one a download is
     * writing into.
     *
     * @param name a folder name or repository id (see {@link #folderNameOf})
     * @return the bytes freed
     * @throws IllegalArgumentException when {@code name} does not name a model folder here
     * @throws IOException when a file cannot be deleted (what was deleted stays deleted)
     */
    public long delete(String name) throws IOException {
        return new ModelFolderDeletion(root).delete(root.resolve(folderNameOf(name)));
    }

    /** Reads {@code folder} as a model: present only when it is complete (see the class comment). */
    static Optional<InstalledModel> read(Path folder) {
        if (!Files.isDirectory(folder) || Files.exists(folder.resolve(PARTIAL))
                || !Files.isRegularFile(folder.resolve("tokenizer.json")) || !hasOnnxGraph(folder)) {
            return Optional.empty();
        }
        List<InstalledModel.ModelFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = folder.relativize(file);
                if (!isHidden(relative)) {
                    files.add(new InstalledModel.ModelFile(slashed(relative), Files.size(file)));
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // changed under us (a download or a delete): not a usable model right now
        }
        files.sort(Comparator.comparing(InstalledModel.ModelFile::path));
        long size = files.stream().mapToLong(InstalledModel.ModelFile::size).sum();
        return Optional.of(new InstalledModel(folder.getFileName().toString(), folder, size, files));
    }

    private static boolean hasOnnxGraph(Path folder) {
        if (Files.isRegularFile(folder.resolve("model.onnx"))) {
            return true;
        }
        Path onnx = folder.resolve("onnx");
        if (!Files.isDirectory(onnx)) {
            return false;
        }
        try (Stream<Path> graphs = Files.list(onnx)) {
            return graphs.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".onnx"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
