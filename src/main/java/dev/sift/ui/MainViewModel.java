package dev.sift.ui;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.FileType;
import dev.sift.ui.common.UiJobRunner;
import dev.sift.ui.common.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's logic: opening, creating and closing projects, recent projects, theme. */
public final class MainViewModel {

    private final WorkspaceState workspace;
    private final UiSettings settings;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final SampleProject sample;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final StringBinding title;
    private final ChangeListener<Boolean> themeSaver;

    public MainViewModel(WorkspaceState workspace, UiSettings settings, UiJobRunner jobs, DialogService dialogs,
            Path configDir) {
        this(workspace, settings, jobs, dialogs, new SampleProject(configDir, SampleProject.RESOURCE));
    }

    MainViewModel(WorkspaceState workspace, UiSettings settings, UiJobRunner jobs, DialogService dialogs,
            SampleProject sample) {
        this.workspace = workspace;
        this.settings = settings;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.sample = sample;
        darkTheme.set(settings.theme() == UiSettings.Theme.DARK);
        themeSaver = (obs, old, dark) -> {
            settings.setTheme(dark ? UiSettings.Theme.DARK : UiSettings.Theme.LIGHT);
            settings.save();
        };
        darkTheme.addListener(themeSaver);
        recentProjects.setAll(settings.recentProjects());
        title = Bindings.createStringBinding(() -> workspace.store()
                .map(s -> "Sift — " + s.file().getFileName()).orElse("Sift"), workspace.projectProperty());
    }

    public StringBinding titleBinding() {
        return title;
    }

    /** A one-line account of the last thing that happened, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    /**
     * Opens what the workbench should show at start: the project named in {@code args}, else the
     * most recent project that still exists, else the sample project.
     */
    public void start(List<String> args) {
        Optional<Path> named = args.stream().filter(a -> a.endsWith(SqliteProjectStore.EXTENSION)).findFirst().map(Path::of);
        if (named.isPresent()) {
            openOrCreate(named.get());
            return;
        }
        Optional<Path> recent = settings.recentProjects().stream().filter(Files::isRegularFile).findFirst();
        if (recent.isPresent()) {
            openFile(recent.get());
        } else {
            openSampleProject();
        }
    }

    void openSampleProject() {
        try {
            ProjectStore store = sample.open();
            show(store, "Opened the sample project.");
            sample.fillIfEmpty(store, jobs, dataset -> refreshSelecting(dataset.id()), status::set);
        } catch (StoreException e) {
            status.set("Could not open the sample project: " + e.getMessage());
        }
    }

    private void refreshSelecting(long datasetId) {
        try {
            workspace.refreshAndSelect(datasetId);
        } catch (StoreException e) {
            dialogs.showError("Could not read the project", e.getMessage());
        }
    }

    public void newProject() {
        dialogs.chooseFileToSave("New project", "project" + SqliteProjectStore.EXTENSION, List.of(FileType.PROJECT))
                .map(MainViewModel::withExtension)
                .ifPresent(file -> {
                    try {
                        show(SqliteProjectStore.create(file), "Created " + file.getFileName() + ".");
                    } catch (StoreException e) {
                        dialogs.showError("Could not create the project", e.getMessage());
                    }
                });
    }

    public void openProject() {
        dialogs.chooseFileToOpen("Open project", List.of(FileType.PROJECT, FileType.ANY)).ifPresent(this::openFile);
    }

    /** Opens a project from the recent list; forgets it when the file is gone. */
    public void openRecent(Path file) {
        if (!Files.isRegularFile(file)) {
            dialogs.showError("Project not found", file + " no longer exists; it was removed from the recent list.");
            settings.removeRecentProject(file);
            settings.save();
            recentProjects.setAll(settings.recentProjects());
            return;
        }
        openFile(file);
    }

    public void openFile(Path file) {
        try {
            show(SqliteProjectStore.open(file), "Opened " + file.getFileName() + ".");
        } catch (StoreException e) {
            dialogs.showError("Could not open the project", e.getMessage());
        }
    }

    private void openOrCreate(Path file) {
        try {
            show(SqliteProjectStore.openOrCreate(file), "Opened " + file.getFileName() + ".");
        } catch (StoreException e) {
            dialogs.showError("Could not open the project", e.getMessage());
        }
    }

    private void show(ProjectStore store, String message) throws StoreException {
        try {
            workspace.open(store);
        } catch (StoreException e) {
            store.close();
            throw e;
        }
        settings.addRecentProject(store.file());
        settings.save();
        recentProjects.setAll(settings.recentProjects());
        status.set(message);
    }

    public void closeProject() {
        workspace.store().ifPresent(store -> {
            workspace.close();
            status.set("Closed " + store.file().getFileName() + ".");
        });
    }

    public void dispose() {
        darkTheme.removeListener(themeSaver);
        title.dispose();
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SqliteProjectStore.EXTENSION) ? file : file.resolveSibling(name + SqliteProjectStore.EXTENSION);
    }
}
