package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.LatestQuery;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runs of one recipe on the selected dataset, newest first, read off the UI thread, with the newest chosen: the
 * run chooser an Insights section about a recipe's runs shares. Reloads when the dataset changes and on
 * {@link #refresh()}, keeping the chosen run when it is still listed, and hands each chosen run to its section.
 * The section reads its figure through the same {@link #queries()}, so an answer that arrives after the dataset or
 * the run changed is dropped.
 */
final class DatasetRuns {

    /** What the section says: the query's name (e.g. "Reflection runs") and its messages. */
    record Texts(String query, String noDataset, String noRun) {}

    private final WorkspaceState workspace;
    private final String recipe;
    private final Texts texts;
    private final Consumer<Run> show;
    private final Runnable clear;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Run> run = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> refresh();
    private final ChangeListener<Run> runListener;
    private final LatestQuery queries;

    /**
     * @param show shows the chosen run, or clears the figure when it is null
     * @param clear clears the figure when there is no dataset (or no project) to list runs of
     */
    DatasetRuns(WorkspaceState workspace, UiJobRunner jobs, String recipe, Texts texts, Consumer<Run> show,
            Runnable clear) {
        this.workspace = workspace;
        this.queries = new LatestQuery(jobs);
        this.recipe = recipe;
        this.texts = texts;
        this.show = show;
        this.clear = clear;
        this.runListener = (obs, old, now) -> show.accept(now);
    }

    /** Starts following the selected dataset and the chosen run, and lists the runs. */
    void start() {
        workspace.selectedDatasetProperty().addListener(datasetListener);
        run.addListener(runListener);
        refresh();
    }

    /** Lists the selected dataset's runs of the recipe again, keeping the chosen run when it is still there. */
    void refresh() {
        ProjectStore store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            queries.cancel();
            runs.clear();
            clear.run();
            message.set(texts.noDataset());
            return;
        }
        queries.run(texts.query(), ctx -> store.runs().list().stream()
                .filter(r -> recipe.equals(r.recipe()) && r.datasetId() == dataset.id()).toList(), this::showRuns,
                reason -> {
                    runs.clear();
                    message.set(texts.query() + " unavailable: " + reason);
                });
    }

    private void showRuns(List<Run> found) {
        Run chosen = run.get();
        runs.setAll(found);
        message.set(found.isEmpty() ? texts.noRun() : "");
        Run keep = chosen == null ? null : found.stream().filter(r -> r.id() == chosen.id()).findFirst().orElse(null);
        Run next = keep != null ? keep : found.isEmpty() ? null : found.get(0);
        boolean same = Objects.equals(next, chosen);
        run.set(next);
        if (same) {
            show.accept(next);
        }
    }

    /**
     * The reads of the section's figures share the run list's {@link LatestQuery}, so that listing the runs again
     * drops a figure still being read, and the other way round.
     */
    LatestQuery queries() {
        return queries;
    }

    /** The project open now, if any. */
    Optional<ProjectStore> store() {
        return workspace.store();
    }

    /** Says why no figure is shown. */
    void showMessage(String text) {
        message.set(text);
    }

    ObservableList<Run> runs() {
        return runs;
    }

    ObjectProperty<Run> runProperty() {
        return run;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void dispose() {
        queries.cancel();
        workspace.selectedDatasetProperty().removeListener(datasetListener);
        run.removeListener(runListener);
    }
}
