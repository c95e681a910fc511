package dev.sift.ui.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's own settings (recent projects, theme, window bounds, last folder), kept as JSON in
 * the configuration folder and written atomically (a temporary file moved into place). A missing or
 * unreadable file gives the defaults. Not thread-safe: use from the UI thread.
 */
public final class UiSettings {

    public static final String FILE_NAME = "ui-settings.json";
    static final int MAX_RECENT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public enum Theme { LIGHT, DARK }

    /** The stored form. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(List<String> recentProjects, Theme theme, WindowBounds window, String lastFolder) {}

    private final Path file;
    private final List<Path> recentProjects = new ArrayList<>();
    private Theme theme = Theme.LIGHT;
    private WindowBounds window = WindowBounds.DEFAULT;
    private Path lastFolder;

    private UiSettings(Path file) {
        this.file = file;
    }

    /** Reads the settings from {@code configDir}, or returns the defaults. */
    public static UiSettings load(Path configDir) {
        var settings = new UiSettings(configDir.resolve(FILE_NAME));
        if (Files.isRegularFile(settings.file)) {
            try {
                settings.apply(JSON.readValue(settings.file.toFile(), Stored.class));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring unreadable settings {}: {}", settings.file, e.getMessage());
            }
        }
        return settings;
    }

    private void apply(Stored stored) {
        if (stored.recentProjects() != null) {
            stored.recentProjects().stream().filter(Objects::nonNull).limit(MAX_RECENT).map(Path::of)
                    .forEach(recentProjects::add);
        }
        theme = Objects.requireNonNullElse(stored.theme(), Theme.LIGHT);
        window = Objects.requireNonNullElse(stored.window(), WindowBounds.DEFAULT);
        lastFolder = stored.lastFolder() == null ? null : Path.of(stored.lastFolder());
    }

    /** Writes the settings; a failure is logged, never thrown, since settings are a convenience. */
    public void save() {
        var stored = new Stored(recentProjects.stream().map(Path::toString).toList(), theme, window,
                lastFolder == null ? null : lastFolder.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                JSON.writeValue(temp.toFile(), stored);
                moveIntoPlace(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    private void moveIntoPlace(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public Path file() {
        return file;
    }

    /** Most recent first. */
    public List<Path> recentProjects() {
        return List.copyOf(recentProjects);
    }

    /** Moves {@code project} to the front of the recent list. */
    public void addRecentProject(Path project) {
        Path normalized = project.toAbsolutePath().normalize();
        recentProjects.remove(normalized);
        recentProjects.add(0, normalized);
        while (recentProjects.size() > MAX_RECENT) {
            recentProjects.remove(recentProjects.size() - 1);
        }
    }

    public void removeRecentProject(Path project) {
        recentProjects.remove(project.toAbsolutePath().normalize());
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme newTheme) {
        theme = Objects.requireNonNull(newTheme);
    }

    public WindowBounds window() {
        return window;
    }

    public void setWindow(WindowBounds bounds) {
        window = Objects.requireNonNull(bounds);
    }

    public Optional<Path> lastFolder() {
        return Optional.ofNullable(lastFolder);
    }

    public void setLastFolder(Path folder) {
        lastFolder = folder;
    }
}
