package dev.sift.ui;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State shared by every screen: the open project, its datasets and the selected dataset. Passed to
 * features by constructor; features talk to each other only through it. UI thread only.
 */
public final class WorkspaceState {

    private final ReadOnlyObjectWrapper<ProjectStore> project = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObservableList<Dataset> readOnlyDatasets = FXCollections.unmodifiableObservableList(datasets);
    private final ObjectProperty<Dataset> selectedDataset = new SimpleObjectProperty<>();

    public ReadOnlyObjectProperty<ProjectStore> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Optional<ProjectStore> store() {
        return Optional.ofNullable(project.get());
    }

    /** Datasets of the open project, oldest first. */
    public ObservableList<Dataset> datasets() {
        return readOnlyDatasets;
    }

    public ObjectProperty<Dataset> selectedDatasetProperty() {
        return selectedDataset;
    }

    public Optional<Dataset> selectedDataset() {
        return Optional.ofNullable(selectedDataset.get());
    }

    /** Makes {@code store} the open project, closing the previous one, and selects its first dataset. */
    public void open(ProjectStore store) throws StoreException {
        List<Dataset> list = store.datasets().list();
        ProjectStore previous = project.get();
        selectedDataset.set(null);
        datasets.setAll(list);
        project.set(store);
        selectedDataset.set(list.isEmpty() ? null : list.get(0));
        if (previous != null && previous != store) {
            previous.close();
        }
    }

    /** Closes the open project, if any. */
    public void close() {
        ProjectStore previous = project.get();
        selectedDataset.set(null);
        datasets.clear();
        project.set(null);
        if (previous != null) {
            previous.close();
        }
    }

    /** Reloads the dataset list, keeping the selection when the dataset still exists. */
    public void refreshDatasets() throws StoreException {
        long selectedId = selectedDataset().map(Dataset::id).orElse(-1L);
        refreshAndSelect(selectedId);
    }

    /** Reloads the dataset list and selects the dataset with the given id (or the first one). */
    public void refreshAndSelect(long datasetId) throws StoreException {
        ProjectStore store = project.get();
        if (store == null) {
            return;
        }
        List<Dataset> list = store.datasets().list();
        datasets.setAll(list);
        selectedDataset.set(list.stream().filter(d -> d.id() == datasetId).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0)));
    }
}
