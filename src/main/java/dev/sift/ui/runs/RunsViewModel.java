package dev.sift.ui.runs;

import dev.sift.app.LlmAccess;
import dev.sift.app.Recipes;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunEvent;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project's runs, newest first, of every recipe (generation, scoring, selection, comparison, brief experience …)
 * with status, progress, tokens and cost, and the log of the selected run. {@link #refresh()} re-reads them off the UI
 * thread; the screen calls it every few seconds while shown, so running jobs show their progress and new log lines.
 */
public final class RunsViewModel {

    /** Log lines read per refresh at most. */
    static final int EVENTS_PAGE = 500;

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<RunEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ChangeListener<RunRow> selectionListener = (obs, old, now) -> selectionChanged(old, now);
    private final ReadOnlyStringWrapper launchStatus = new ReadOnlyStringWrapper("");
    private final RunQueue queue;
    private final Supplier<LlmAccess> llm;
    private boolean loading;

    /** A view model that lists and follows runs but cannot launch them (no model access). */
    public RunsViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this(workspace, jobs, () -> {
            throw new IllegalStateException("no model access");
        });
    }

    /** @param llm how launched runs reach their models; asked for on the run's thread */
    public RunsViewModel(WorkspaceState workspace, UiJobRunner jobs, Supplier<LlmAccess> llm) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.llm = llm;
        this.queue = new RunQueue(jobs);
        selected.addListener(selectionListener);
        refresh();
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    public ObjectProperty<RunRow> selectedProperty() {
        return selected;
    }

    /** The selected run's log, oldest first. */
    public ObservableList<RunEvent> events() {
        return events;
    }

    /** Why there is nothing to show, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Re-reads the runs and the new log lines of the selected one; skipped while a refresh is on its way. */
    public void refresh() {
        ProjectStore store = workspace.store().orElse(null);
        if (store == null) {
            runs.clear();
            message.set("Open a project to see its runs.");
            return;
        }
        if (loading) {
            return;
        }
        loading = true;
        long runId = selected.get() == null ? 0 : selected.get().id();
        long afterEvent = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        jobs.query(QueryJob.of("Runs", ctx -> read(store, runId, afterEvent)),
                JobCallbacks.<Snapshot>onSuccess(this::apply)
                        .onFailure(reason -> message.set("Runs unavailable: " + reason))
                        .onFinished(() -> loading = false));
    }

    private static Snapshot read(ProjectStore store, long runId, long afterEvent) throws Exception {
        Map<Long, String> names = new HashMap<>();
        for (Dataset d : store.datasets().list()) {
            names.put(d.id(), d.name());
        }
        List<RunRow> rows = new ArrayList<>();
        for (Run run : store.runs().list()) {
            rows.add(new RunRow(run, names.getOrDefault(run.datasetId(), "")));
        }
        List<RunEvent> newEvents = runId == 0 ? List.of() : store.runs().events(runId, afterEvent, EVENTS_PAGE);
        return new Snapshot(rows, runId, newEvents);
    }

    private void apply(Snapshot snapshot) {
        long keep = selected.get() == null ? 0 : selected.get().id();
        selected.removeListener(selectionListener);
        try {
            runs.setAll(snapshot.rows());
            selected.set(snapshot.rows().stream().filter(r -> r.id() == keep).findFirst().orElse(null));
        } finally {
            selected.addListener(selectionListener);
        }
        if (selected.get() != null && selected.get().id() == snapshot.runId()) {
            events.addAll(snapshot.events());
        } else if (selected.get() == null) {
            events.clear();
        }
        message.set(runs.isEmpty() ? "No runs yet. Runs appear here when you score, select, compare or generate,"
                + " from the workbench or the command line." : "");
    }

    private void selectionChanged(RunRow old, RunRow now) {
        if (old != null && now != null && old.id() == now.id()) {
            return;
        }
        events.clear();
        if (now != null) {
            refresh();
        }
    }

    /** What became of the last run launched or resumed here: started, queued, its outcome. */
    public ReadOnlyStringProperty launchStatusProperty() {
        return launchStatus.getReadOnlyProperty();
    }

    /** The queue launched and resumed runs wait in. */
    public RunQueue queue() {
        return queue;
    }

    /**
     * Stores a new run of a launch form's configuration and queues it; false, with the form saying why, when the form
     * is not valid or its recipe does not run here.
     */
    public boolean launch(LaunchForm form) {
        ProjectStore store = workspace.store().orElse(null);
        if (store == null || Recipes.resumable(form.recipe()).isEmpty()) {
            return false;
        }
        try {
            OptionalLong runId = form.create(store);
            runId.ifPresent(id -> submit(store, id, form.recipe()));
            return runId.isPresent();
        } catch (StoreException e) {
            launchStatus.set("Cannot create the run: " + e.getMessage());
            return false;
        }
    }

    /**
     * True when the row is a run of a {@linkplain Recipes resumable recipe} that ended short of success and is not
     * queued or running.
     */
    public boolean canResume(RunRow row) {
        if (row == null || Recipes.resumable(row.recipe()).isEmpty() || queue.queued().contains(row.id())
                || queue.runningProperty().get() == row.id()) {
            return false;
        }
        RunStatus status = row.run().status();
        return status == RunStatus.CANCELLED || status == RunStatus.STOPPED || status == RunStatus.FAILED;
    }

    /** Queues the selected run to continue where it stopped. */
    public void resumeSelected() {
        RunRow row = selected.get();
        ProjectStore store = workspace.store().orElse(null);
        if (store != null && canResume(row)) {
            submit(store, row.id(), row.recipe());
        }
    }

    private void submit(ProjectStore store, long runId, String recipe) {
        var job = Recipes.resumable(recipe).orElseThrow().job(store, runId, llm, CacheMode.ON, new CostMeter());
        queue.submit(runId, job, outcome -> {
            launchStatus.set("Run " + runId + ": " + outcome);
            refresh();
        });
        launchStatus.set(queue.runningProperty().get() == runId ? "Run " + runId + " started"
                : "Run " + runId + " queued");
        refresh();
    }

    public void dispose() {
        selected.removeListener(selectionListener);
    }

    /** What one refresh read. */
    private record Snapshot(List<RunRow> rows, long runId, List<RunEvent> events) {}
}
