package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Insights section "Reflection branches": the reflection runs of the selected dataset, newest first, with the
 * newest chosen, and how many of its samples took each branch of the selection rule (read from the run's decisions).
 * Reloads when the dataset changes and on {@link #refresh()}.
 */
public final class ReflectionBranchesViewModel {

    static final String NO_RUN = "No reflection run on this dataset yet.";

    /** One bar: a branch and its samples. */
    public record BranchCount(String branch, int samples) {}

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> run = new SimpleObjectProperty<>();
    private final ObservableList<BranchCount> counts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> refresh();
    private final ChangeListener<Run> runListener = (obs, old, now) -> showRun(now);
    private long generation;

    public ReflectionBranchesViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this.workspace = workspace;
        this.jobs = jobs;
        workspace.selectedDatasetProperty().addListener(datasetListener);
        run.addListener(runListener);
        refresh();
    }

    /** Lists the selected dataset's reflection runs again, keeping the chosen run when it is still there. */
    public void refresh() {
        long current = ++generation;
        ProjectStore store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            runs.clear();
            counts.clear();
            summary.set("");
            message.set("Select a dataset to see the branches of its reflection runs.");
            return;
        }
        jobs.query(QueryJob.of("Reflection runs", ctx -> store.runs().list().stream()
                .filter(r -> ReflectionSpec.RECIPE.equals(r.recipe()) && r.datasetId() == dataset.id()).toList()),
                JobCallbacks.<List<Run>>onSuccess(found -> {
                    if (current == generation) {
                        showRuns(found);
                    }
                }).onFailure(reason -> {
                    if (current == generation) {
                        runs.clear();
                        message.set("Reflection runs unavailable: " + reason);
                    }
                }));
    }

    private void showRuns(List<Run> found) {
        Run chosen = run.get();
        runs.setAll(found);
        message.set(found.isEmpty() ? NO_RUN : "");
        Run keep = chosen == null ? null : found.stream().filter(r -> r.id() == chosen.id()).findFirst().orElse(null);
        Run next = keep != null ? keep : found.isEmpty() ? null : found.get(0);
        boolean same = Objects.equals(next, chosen);
        run.set(next);
        if (same) {
            showRun(next);
        }
    }

    private void showRun(Run chosen) {
        long current = ++generation;
        ProjectStore store = workspace.store().orElse(null);
        if (chosen == null || store == null) {
            counts.clear();
            summary.set("");
            return;
        }
        jobs.query(QueryJob.of("Reflection branches", ctx -> ReflectionBranches.count(store, chosen.id())),
                JobCallbacks.<Map<ReflectionBranch, Integer>>onSuccess(found -> {
                    if (current == generation) {
                        show(chosen, found);
                    }
                }).onFailure(reason -> {
                    if (current == generation) {
                        counts.clear();
                        message.set("Reflection branches unavailable: " + reason);
                    }
                }));
    }

    private void show(Run chosen, Map<ReflectionBranch, Integer> found) {
        List<BranchCount> bars = new ArrayList<>();
        int decided = 0;
        for (ReflectionBranch b : ReflectionBranch.values()) {
            int n = found.getOrDefault(b, 0);
            bars.add(new BranchCount(b.text(), n));
            decided += n;
        }
        counts.setAll(bars);
        summary.set("run " + chosen.id() + " · " + chosen.status().id() + " · " + decided + " samples decided");
    }

    /** The selected dataset's reflection runs, newest first. */
    public ObservableList<Run> runs() {
        return runs;
    }

    public ObjectProperty<Run> runProperty() {
        return run;
    }

    /** Samples per branch of the chosen run, every branch in the rule's order. */
    public ObservableList<BranchCount> counts() {
        return counts;
    }

    /** E.g. "run 3 · succeeded · 40 samples decided". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why no figure is shown (no dataset, no run); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void dispose() {
        generation++;
        workspace.selectedDatasetProperty().removeListener(datasetListener);
        run.removeListener(runListener);
    }
}
