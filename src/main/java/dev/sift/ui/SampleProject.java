package dev.sift.ui;

import dev.sift.core.dataset.ImportJob;
import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The project the workbench opens on first start: {@code sample.sift} in the configuration folder,
 * filled with the bundled sample dataset through a normal {@link ImportJob}.
 */
final class SampleProject {

    static final String FILE_NAME = "sample.sift";
    static final String RESOURCE = "/dev/sift/samples/sample/sift-sample.json";

    private final Path configDir;
    private final String resource;

    SampleProject(Path configDir, String resource) {
        this.configDir = configDir;
        this.resource = resource;
    }

    Path file() {
        return configDir.resolve(FILE_NAME);
    }

    /** Opens (or creates) the sample project file. */
    ProjectStore open() throws StoreException {
        try {
            Files.createDirectories(configDir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the settings folder " + configDir + ": " + e.getMessage(), e);
        }
        return SqliteProjectStore.openOrCreate(file());
    }

    /**
     * Imports the bundled sample into {@code store} when it has no datasets yet. Reports a one-line
     * outcome through {@code status}, and the dataset through {@code imported} when one was added.
     */
    void fillIfEmpty(ProjectStore store, UiJobRunner jobs, Consumer<Dataset> imported, Consumer<String> status)
            throws StoreException {
        if (!store.datasets().list().isEmpty()) {
            return;
        }
        Optional<Path> copy;
        try {
            copy = copyResource();
        } catch (IOException e) {
            status.accept("Opened an empty sample project: the bundled sample could not be read (" + e.getMessage() + ").");
            return;
        }
        if (copy.isEmpty()) {
            status.accept("Opened an empty sample project: this build has no bundled sample dataset. Import a file to begin.");
            return;
        }
        Path temp = copy.get();
        var request = new ImportRequest(temp, Optional.empty(), Optional.of("sift-sample"),
                dev.sift.core.dataset.CsvMapping.defaults());
        jobs.run(new ImportJob(request, store), JobCallbacks.<Dataset>onSuccess(dataset -> {
                    imported.accept(dataset);
                    status.accept("Imported the sample dataset: " + dataset.samples() + " samples.");
                })
                .onFailure(reason -> status.accept("The sample dataset could not be imported: " + reason))
                .onFinished(() -> deleteQuietly(temp)));
    }

    private Optional<Path> copyResource() throws IOException {
        try (InputStream in = SampleProject.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Path dir = Files.createTempDirectory("sift-sample");
            Path temp = dir.resolve("sift-sample.json");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(temp.getParent());
        } catch (IOException ignored) {
            // a temporary copy left behind is harmless
        }
    }
}
