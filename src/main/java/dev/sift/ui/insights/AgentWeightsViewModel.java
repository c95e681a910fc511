package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import dev.sift.ui.common.weights.WeightsModel;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Insights section "Agent-pair weights": the Star-Agents runs of the selected dataset, newest first, with the
 * newest chosen, and the {@link WeightsModel} of the chosen run. Reloads when the dataset changes and on
 * {@link #refresh()}.
 */
public final class AgentWeightsViewModel {

    static final String NO_RUN = "No Star-Agents run on this dataset yet.";

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final WeightsModel weights;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> run = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> refresh();
    private final ChangeListener<Run> runListener = (obs, old, now) -> showRun(now);
    private long generation;

    public AgentWeightsViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.weights = new WeightsModel(jobs);
        workspace.selectedDatasetProperty().addListener(datasetListener);
        run.addListener(runListener);
        refresh();
    }

    /** Lists the selected dataset's Star-Agents runs again, keeping the chosen run when it is still there. */
    public void refresh() {
        long current = ++generation;
        ProjectStore store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            runs.clear();
            message.set("Select a dataset to see the agent-pair weights of its Star-Agents runs.");
            return;
        }
        jobs.query(QueryJob.of("Star-Agents runs", ctx -> store.runs().list().stream()
                .filter(r -> StarAgentsSpec.RECIPE.equals(r.recipe()) && r.datasetId() == dataset.id()).toList()),
                JobCallbacks.<List<Run>>onSuccess(found -> {
                    if (current == generation) {
                        showRuns(found);
                    }
                }).onFailure(reason -> {
                    if (current == generation) {
                        runs.clear();
                        message.set("Star-Agents runs unavailable: " + reason);
                    }
                }));
    }

    private void showRuns(List<Run> found) {
        Run chosen = run.get();
        runs.setAll(found);
        message.set(found.isEmpty() ? NO_RUN : "");
        Run keep = chosen == null ? null
                : found.stream().filter(r -> r.id() == chosen.id()).findFirst().orElse(null);
        Run next = keep != null ? keep : found.isEmpty() ? null : found.get(0);
        boolean same = java.util.Objects.equals(next, chosen);
        run.set(next);
        if (same) {
            showRun(next);
        }
    }

    private void showRun(Run chosen) {
        ProjectStore store = workspace.store().orElse(null);
        if (chosen == null || store == null) {
            weights.clear();
        } else {
            weights.load(store, chosen.id());
        }
    }

    /** The selected dataset's Star-Agents runs, newest first. */
    public ObservableList<Run> runs() {
        return runs;
    }

    /** The run whose weights are shown; the newest after a reload unless the chosen one is still listed. */
    public ObjectProperty<Run> runProperty() {
        return run;
    }

    /** Why no chart is shown (no dataset, no run); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The chart's view model. */
    public WeightsModel weights() {
        return weights;
    }

    public void dispose() {
        generation++;
        workspace.selectedDatasetProperty().removeListener(datasetListener);
        run.removeListener(runListener);
        weights.clear();
    }
}
