package dev.sift.ui.datasets;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.seeds.SeedImportJob;
import dev.sift.core.seeds.SeedImportRequest;
import dev.sift.core.seeds.SeedImportResult;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.FileType;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiServices;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The seed document collections of the project, beside its datasets: listing them, importing files and folders as a
 * new collection in the background, and deleting one.
 */
public final class SeedsViewModel {

    /** Files the seed file chooser offers first. */
    static final FileType SEED_FILES = new FileType("Seed documents (text, Markdown, code, JSONL)",
            List.of("*.txt", "*.md", "*.jsonl", "*.java", "*.py", "*.js", "*.ts", "*.go", "*.rs", "*.c", "*.cpp",
                    "*.cs", "*.rb", "*.kt", "*.sql", "*.sh"));

    private final WorkspaceState workspace;
    private final UiServices services;
    private final ZoneId zone;
    private final ObservableList<SeedCollectionRow> collections = FXCollections.observableArrayList();
    private final ObjectProperty<SeedCollectionRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SeedImportViewModel> pendingImport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final InvalidationListener projectListener = obs -> reload();

    public SeedsViewModel(WorkspaceState workspace, UiServices services, ZoneId zone) {
        this.workspace = workspace;
        this.services = services;
        this.zone = zone;
        workspace.projectProperty().addListener(projectListener);
        reload();
    }

    public ObservableList<SeedCollectionRow> collections() {
        return collections;
    }

    public ObjectProperty<SeedCollectionRow> selectedProperty() {
        return selected;
    }

    /** The import waiting for its options, or null. */
    public ReadOnlyObjectProperty<SeedImportViewModel> pendingImportProperty() {
        return pendingImport.getReadOnlyProperty();
    }

    /** A one-line account of the last seed import or deletion. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Opens the import options, empty, for the user to add files and folders. */
    public void startImport() {
        if (workspace.store().isEmpty()) {
            services.dialogs().showError("No project is open", "Create or open a project first (File menu).");
            return;
        }
        cancelImport();
        pendingImport.set(new SeedImportViewModel());
    }

    /** Asks for a folder and adds it to the pending import. */
    public void addFolder() {
        SeedImportViewModel pending = pendingImport.get();
        if (pending != null) {
            services.dialogs().chooseFolder("Add a folder of seed documents").ifPresent(pending::add);
        }
    }

    /** Asks for a file and adds it to the pending import. */
    public void addFile() {
        SeedImportViewModel pending = pendingImport.get();
        if (pending != null) {
            services.dialogs().chooseFileToOpen("Add a seed document", List.of(SEED_FILES, FileType.ANY))
                    .ifPresent(pending::add);
        }
    }

    public void cancelImport() {
        SeedImportViewModel pending = pendingImport.get();
        if (pending != null) {
            pendingImport.set(null);
            pending.dispose();
        }
    }

    /** Starts the pending import as a background job; does nothing while its options are incomplete. */
    public void confirmImport() {
        SeedImportViewModel pending = pendingImport.get();
        Optional<ProjectStore> store = workspace.store();
        Optional<SeedImportRequest> request = pending == null ? Optional.empty() : pending.request();
        if (request.isEmpty() || store.isEmpty()) {
            return;
        }
        cancelImport();
        services.jobs().run(new SeedImportJob(request.get(), store.get()),
                JobCallbacks.<SeedImportResult>onSuccess(this::imported)
                        .onFailure(reason -> services.dialogs().showError("Seed import failed", reason)));
    }

    private void imported(SeedImportResult result) {
        SeedCollection c = result.collection();
        message.set(String.format(Locale.ROOT, "Imported seeds %s: %,d documents, %,d chunks, %,d duplicates skipped%s.",
                c.name(), c.documents(), c.chunks(), c.duplicates(), result.warnings().isEmpty() ? ""
                        : String.format(Locale.ROOT, ", %,d files skipped", result.warnings().size())));
        reload();
        collections.stream().filter(r -> r.id() == c.id()).findFirst().ifPresent(selected::set);
    }

    /** Deletes the selected collection after the user confirms. */
    public void deleteSelected() {
        SeedCollectionRow row = selected.get();
        Optional<ProjectStore> store = workspace.store();
        if (row == null || store.isEmpty()) {
            return;
        }
        String question = String.format(Locale.ROOT, "Delete the seed collection '%s' and its %,d chunks? Content that"
                + " runs made of them stays.", row.name(), row.chunks());
        if (!services.dialogs().confirm("Delete seed collection", question)) {
            return;
        }
        services.jobs().run(new DeleteCollection(store.get(), row), JobCallbacks.<Boolean>onSuccess(deleted -> {
            message.set("Deleted seeds " + row.name() + ".");
            reload();
        }).onFailure(reason -> services.dialogs().showError("Could not delete the seed collection", reason)));
    }

    /** Reads the collections again, keeping the selection when it is still there. */
    public void reload() {
        Optional<ProjectStore> store = workspace.store();
        List<SeedCollectionRow> rows = List.of();
        if (store.isPresent()) {
            try {
                rows = store.get().seeds().listCollections().stream().map(c -> SeedCollectionRow.of(c, zone)).toList();
            } catch (StoreException e) {
                services.dialogs().showError("Could not read the project", e.getMessage());
            }
        }
        SeedCollectionRow before = selected.get();
        collections.setAll(rows);
        selected.set(before == null ? null
                : rows.stream().filter(r -> r.id() == before.id()).findFirst().orElse(null));
    }

    public void dispose() {
        workspace.projectProperty().removeListener(projectListener);
        cancelImport();
    }

    /** Deleting a collection with many chunks takes a moment: off the UI thread. */
    private record DeleteCollection(ProjectStore store, SeedCollectionRow row) implements Job<Boolean> {
        @Override
        public String title() {
            return "Delete seeds " + row.name();
        }

        @Override
        public Boolean run(JobContext context) throws StoreException {
            return store.seeds().deleteCollection(row.id());
        }
    }
}
