package dev.sift.ui.insights;

import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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

    private final ObservableList<BranchCount> counts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final DatasetRuns runs;

    public ReflectionBranchesViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this.runs = new DatasetRuns(workspace, jobs, ReflectionSpec.RECIPE, new DatasetRuns.Texts("Reflection runs",
                "Select a dataset to see the branches of its reflection runs.", NO_RUN), this::showRun, () -> {
                    counts.clear();
                    summary.set("");
                });
        runs.start();
    }

    /** Lists the selected dataset's reflection runs again, keeping the chosen run when it is still there. */
    public void refresh() {
        runs.refresh();
    }

    private void showRun(Run chosen) {
        ProjectStore store = runs.store().orElse(null);
        if (chosen == null || store == null) {
            runs.queries().cancel();
            counts.clear();
            summary.set("");
            return;
        }
        runs.queries().run("Reflection branches", ctx -> ReflectionBranches.count(store, chosen.id()),
                found -> show(chosen, found), reason -> {
                    counts.clear();
                    runs.showMessage("Reflection branches unavailable: " + reason);
                });
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
        return runs.runs();
    }

    public ObjectProperty<Run> runProperty() {
        return runs.runProperty();
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
        return runs.messageProperty();
    }

    public void dispose() {
        runs.dispose();
    }
}
