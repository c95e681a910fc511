package dev.sift.ui.insights;

import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.UiJobRunner;
import dev.sift.ui.common.weights.WeightsModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * The Insights section "Agent-pair weights": the Star-Agents runs of the selected dataset, newest first, with the
 * newest chosen, and the {@link WeightsModel} of the chosen run. Reloads when the dataset changes and on
 * {@link #refresh()}.
 */
public final class AgentWeightsViewModel {

    static final String NO_RUN = "No Star-Agents run on this dataset yet.";

    private final WeightsModel weights;
    private final DatasetRuns runs;

    public AgentWeightsViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this.weights = new WeightsModel(jobs);
        this.runs = new DatasetRuns(workspace, jobs, StarAgentsSpec.RECIPE, new DatasetRuns.Texts("Star-Agents runs",
                "Select a dataset to see the agent-pair weights of its Star-Agents runs.", NO_RUN),
                chosen -> {
                    ProjectStore store = workspace.store().orElse(null);
                    if (chosen == null || store == null) {
                        weights.clear();
                    } else {
                        weights.load(store, chosen.id());
                    }
                }, () -> {}); // without a dataset the chart keeps its run's weights; the message says why
        runs.start();
    }

    /** Lists the selected dataset's Star-Agents runs again, keeping the chosen run when it is still there. */
    public void refresh() {
        runs.refresh();
    }

    /** The selected dataset's Star-Agents runs, newest first. */
    public ObservableList<Run> runs() {
        return runs.runs();
    }

    /** The run whose weights are shown; the newest after a reload unless the chosen one is still listed. */
    public ObjectProperty<Run> runProperty() {
        return runs.runProperty();
    }

    /** Why no chart is shown (no dataset, no run); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return runs.messageProperty();
    }

    /** The chart's view model. */
    public WeightsModel weights() {
        return weights;
    }

    public void dispose() {
        runs.dispose();
        weights.clear();
    }
}
