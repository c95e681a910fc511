package dev.sift.ui.datasets;

import dev.sift.core.dataset.ImportJob;
import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.FileType;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Datasets screen: the project's datasets, importing files, and for the selected dataset its
 * samples, statistics and near duplicates (each in its own view model).
 */
public final class DatasetsViewModel {

    private final WorkspaceState workspace;
    private final UiServices services;
    private final ZoneId zone;
    private final ObservableList<DatasetRow> datasets = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DatasetRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImportOptionsViewModel> pendingImport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final SamplesViewModel samples;
    private final StatsViewModel stats;
    private final DuplicatesViewModel duplicates;
    private final SeedsViewModel seeds;
    private final BooleanBinding hasProject;
    private final BooleanBinding hasDataset;
    private final InvalidationListener datasetsListener = obs -> syncDatasets();
    private final InvalidationListener selectionListener = obs -> syncSelection();

    public DatasetsViewModel(WorkspaceState workspace, UiServices services) {
        this(workspace, services, ZoneId.systemDefault());
    }

    DatasetsViewModel(WorkspaceState workspace, UiServices services, ZoneId zone) {
        this.workspace = workspace;
        this.services = services;
        this.zone = zone;
        samples = new SamplesViewModel(services.jobs(), services.debouncers().get());
        stats = new StatsViewModel(services.jobs());
        duplicates = new DuplicatesViewModel(services.jobs(), services.dialogs(), services.embedder());
        seeds = new SeedsViewModel(workspace, services, zone);
        hasProject = Bindings.isNotNull(workspace.projectProperty());
        hasDataset = Bindings.isNotNull(workspace.selectedDatasetProperty());
        workspace.datasets().addListener(datasetsListener);
        workspace.selectedDatasetProperty().addListener(selectionListener);
        syncDatasets();
        syncSelection();
    }

    public ObservableList<DatasetRow> datasets() {
        return datasets;
    }

    public ReadOnlyObjectProperty<DatasetRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(DatasetRow row) {
        if (row == null) {
            return;
        }
        workspace.datasets().stream().filter(d -> d.id() == row.id()).findFirst()
                .ifPresent(workspace.selectedDatasetProperty()::set);
    }

    public SamplesViewModel samples() {
        return samples;
    }

    public StatsViewModel stats() {
        return stats;
    }

    public DuplicatesViewModel duplicates() {
        return duplicates;
    }

    /** The project's seed document collections, shown beside its datasets. */
    public SeedsViewModel seeds() {
        return seeds;
    }

    public BooleanBinding hasProjectProperty() {
        return hasProject;
    }

    public BooleanBinding hasDatasetProperty() {
        return hasDataset;
    }

    /** The import waiting for the user to confirm its options, or null. */
    public ReadOnlyObjectProperty<ImportOptionsViewModel> pendingImportProperty() {
        return pendingImport.getReadOnlyProperty();
    }

    /** A one-line account of the last import or export. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Asks for a file, then for the import options. */
    public void chooseFileToImport() {
        if (!requireProject()) {
            return;
        }
        services.dialogs().chooseFileToOpen("Import dataset", List.of(FileType.DATASETS, FileType.ANY))
                .ifPresent(file -> offerImport(List.of(file)));
    }

    /** Files dropped onto the screen: regular files only; then the import options. */
    public void dropFiles(List<Path> files) {
        List<Path> regular = files.stream().filter(Files::isRegularFile).toList();
        if (regular.isEmpty() || !requireProject()) {
            return;
        }
        offerImport(regular);
    }

    private void offerImport(List<Path> files) {
        cancelImport();
        pendingImport.set(new ImportOptionsViewModel(files));
    }

    public void cancelImport() {
        ImportOptionsViewModel pending = pendingImport.get();
        if (pending != null) {
            pendingImport.set(null);
            pending.dispose();
        }
    }

    /** Starts one background import job per file with the pending options. */
    public void confirmImport() {
        ImportOptionsViewModel options = pendingImport.get();
        Optional<ProjectStore> store = workspace.store();
        if (options == null || store.isEmpty() || !options.validProperty().get()) {
            return;
        }
        cancelImport();
        for (ImportRequest request : options.requests()) {
            services.jobs().run(new ImportJob(request, store.get()), JobCallbacks.<Dataset>onSuccess(this::imported)
                    .onFailure(reason -> services.dialogs().showError("Import failed", reason)));
        }
    }

    private void imported(Dataset dataset) {
        message.set(String.format("Imported %s: %,d samples, %,d exact duplicates skipped.", dataset.name(),
                dataset.samples(), dataset.duplicates()));
        try {
            workspace.refreshAndSelect(dataset.id());
        } catch (StoreException e) {
            services.dialogs().showError("Could not read the project", e.getMessage());
        }
    }

    /** The export options for the selected dataset and the current filter, or empty with no dataset. */
    public Optional<ExportDialogViewModel> newExport() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = samples.dataset();
        if (store.isEmpty() || dataset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExportDialogViewModel(services.jobs(), services.dialogs(), services.version(),
                store.get(), dataset.get().name(), samples.currentQuery(), message::set));
    }

    /** The compare options for the selected dataset as the base, or empty with no dataset. */
    public Optional<CompareDialogViewModel> newCompare() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = samples.dataset();
        if (store.isEmpty() || dataset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CompareDialogViewModel(services.jobs(), services.dialogs(), store.get(), dataset.get(),
                workspace.datasets(), message::set));
    }

    private boolean requireProject() {
        if (workspace.store().isEmpty()) {
            services.dialogs().showError("No project is open", "Create or open a project first (File menu).");
            return false;
        }
        return true;
    }

    private void syncDatasets() {
        datasets.setAll(workspace.datasets().stream().map(d -> DatasetRow.of(d, zone)).toList());
        syncSelection();
    }

    private void syncSelection() {
        Dataset dataset = workspace.selectedDataset().orElse(null);
        DatasetRow row = dataset == null ? null
                : datasets.stream().filter(r -> r.id() == dataset.id()).findFirst().orElse(null);
        if (row != null && row.equals(selected.get()) && samples.dataset().filter(dataset::equals).isPresent()) {
            return;
        }
        selected.set(row);
        ProjectStore store = workspace.store().orElse(null);
        samples.show(store, dataset);
        stats.show(store, dataset);
        duplicates.show(store, dataset);
    }

    public void dispose() {
        workspace.datasets().removeListener(datasetsListener);
        workspace.selectedDatasetProperty().removeListener(selectionListener);
        cancelImport();
        samples.dispose();
        stats.dispose();
        duplicates.dispose();
        seeds.dispose();
        hasProject.dispose();
        hasDataset.dispose();
    }
}
