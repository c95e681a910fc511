package dev.sift.ui.review;

import dev.sift.core.job.Job;
import dev.sift.core.model.Dataset;
import dev.sift.core.review.AgreementRules;
import dev.sift.core.review.ReviewFilter;
import dev.sift.core.review.SampleDetail;
import dev.sift.core.review.Verdicts;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ScoreColumn;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.Debouncer;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.IndexList;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Review screen's logic for the selected dataset: its review rows loaded off the UI thread, the filter (with the
 * debounced full-text search) and sort applied over an {@code int[]} view, the current row with its sample's detail,
 * and the curator's actions ({@link #commands()}). Table texts are read a page at a time as rows become visible.
 */
public final class ReviewViewModel {

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final Debouncer debouncer;
    private final ReviewCommands commands;
    private final ObjectProperty<ReviewFilter> filter = new SimpleObjectProperty<>(ReviewFilter.all());
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<ReviewSort> sort = new SimpleObjectProperty<>(ReviewSort.natural());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<ScoreColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<dev.sift.core.model.AgentPair> pairs = FXCollections.observableArrayList();
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> datasetChanged();
    private final ChangeListener<Object> viewListener = (obs, old, now) -> applyView(currentSampleId());
    private final ChangeListener<String> searchListener;
    private ProjectStore store;
    /** What the last load read; its rows are {@link #data()}. */
    private ReviewLoad lastLoad;
    private Verdicts verdicts;
    private final ReviewRowsInView inView;
    private final ReviewDetail detail;
    private final ReviewSearch search;
    private long generation;

    public ReviewViewModel(WorkspaceState workspace, UiJobRunner jobs, Debouncer debouncer, DialogService dialogs,
            ReviewDialogs reviewDialogs) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.debouncer = debouncer;
        this.commands = new ReviewCommands(this, jobs, dialogs, reviewDialogs);
        this.search = new ReviewSearch(jobs);
        this.inView = new ReviewRowsInView(jobs);
        this.detail = new ReviewDetail(jobs);
        searchListener = (obs, old, text) -> debouncer.call(this::runSearch);
        workspace.selectedDatasetProperty().addListener(datasetListener);
        filter.addListener(viewListener);
        sort.addListener(viewListener);
        searchText.addListener(searchListener);
        reload(-1);
    }

    /** Positions of the table: 0 … rows in view - 1. */
    public IndexList rows() {
        return inView.positions();
    }

    /** The filter without its text; the text is {@link #searchTextProperty()}. */
    public ObjectProperty<ReviewFilter> filterProperty() {
        return filter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<ReviewSort> sortProperty() {
        return sort;
    }

    /** "1,234 of 200,000 samples". */
    public ReadOnlyStringProperty statusProperty() {
        return inView.statusProperty();
    }

    /** What is going on or went wrong (loading, building the search index), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The current position in the view, -1 for none. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleDetail> detailProperty() {
        return detail.property();
    }

    /** Goes up whenever a page of table texts arrives, so the table redraws. */
    public ReadOnlyIntegerProperty textsVersionProperty() {
        return inView.textsVersionProperty();
    }

    /** The project's agent pairs, for the agent filter and the origin column. */
    public ObservableList<dev.sift.core.model.AgentPair> pairs() {
        return pairs;
    }

    /** An agent pair's name, or its id when it is not known. */
    public String pairName(long pairId) {
        return pairs.stream().filter(p -> p.id() == pairId).map(dev.sift.core.model.AgentPair::name).findFirst()
                .orElse("pair " + pairId);
    }

    /** The score columns of the loaded rows. */
    public ObservableList<ScoreColumn> columns() {
        return columns;
    }

    public ReviewCommands commands() {
        return commands;
    }

    /** The filter as {@code sift decide --filter} reads it, search text included. */
    public String filterExpression() {
        return filter.get().withText(searchText.get()).expression();
    }

    /** The loaded rows, or null before they are. */
    public ReviewRows data() {
        return lastLoad == null ? null : lastLoad.rows();
    }

    /** The rows in view, in table order (row indexes into {@link #data()}). */
    public int[] view() {
        return inView.view();
    }

    /** The row of {@link #data()} shown at table position {@code position}. */
    public int rowAt(int position) {
        return inView.rowAt(position);
    }

    /** The table texts at {@code position}; empty while they are being read. */
    public Optional<ReviewTexts.RowText> textAt(int position) {
        return inView.textAt(position);
    }

    /** Makes {@code position} the current row and loads its sample's detail. */
    public void select(int position) {
        if (position != current.get()) {
            show(position);
        }
    }

    /** The current row of {@link #data()}, if any. */
    OptionalInt currentRow() {
        int at = current.get();
        return at >= 0 && at < inView.size() ? OptionalInt.of(inView.rowAt(at)) : OptionalInt.empty();
    }

    Optional<ProjectStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * After an action: reads again only the sample it touched when it touched one and no search is in effect (a
     * fraction of a full load on a large project), else every row; then shows {@code focusSample} as {@link #reload}.
     */
    void actionDone(Optional<ReviewAction> done, long focusSample) {
        ReviewLoad base = lastLoad;
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (done.isEmpty() || done.get().sampleCount() != 1 || base == null || dataset == null || store == null
                || !search.matchedText().isEmpty()) {
            reload(focusSample);
            return;
        }
        load(++generation, ReviewLoad.oneSample(store, new long[] {dataset.id()}, base, done.get().firstSampleId()),
                "", focusSample);
    }

    /** Reloads the rows; then shows {@code focusSample} when it is in view, else keeps the current row. */
    void reload(long focusSample) {
        long gen = ++generation;
        store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            lastLoad = null;
            columns.clear();
            applyView(-1);
            message.set("Select a dataset to review its samples.");
            return;
        }
        ProjectStore source = store;
        long[] ids = {dataset.id()};
        String text = search.matchedText();
        if (lastLoad == null) {
            message.set("Loading the review…");
        }
        load(gen, ReviewLoad.job(source, ids, text), text, focusSample);
    }

    /** Runs a load; shows what it read while it is the latest, and why it failed in any case. */
    private void load(long gen, Job<ReviewLoad> job, String text, long focusSample) {
        jobs.query(job, JobCallbacks.<ReviewLoad>onSuccess(loaded -> {
            if (gen == generation) {
                loaded(loaded, text, focusSample);
            }
        }).onFailure(reason -> message.set("Could not load the review: " + reason)));
    }

    private void loaded(ReviewLoad loaded, String text, long focusSample) {
        long keep = focusSample > 0 ? focusSample : currentSampleId();
        lastLoad = loaded;
        ReviewRows data = loaded.rows();
        verdicts = new Verdicts(data, AgreementRules.defaults());
        search.refreshed(text, loaded.matches());
        workspace.selectedDataset().ifPresent(d -> search.prepare(store, new long[] {d.id()}));
        if (!pairs.equals(loaded.pairs())) {
            pairs.setAll(loaded.pairs());
        }
        if (!columns.equals(data.columns())) {
            columns.setAll(data.columns());
        }
        message.set("");
        commands.showHistory(loaded.undo(), loaded.redo());
        applyView(keep);
    }

    private void datasetChanged() {
        current.set(-1);
        detail.clear();
        reload(-1);
    }

    private void runSearch() {
        Dataset dataset = workspace.selectedDataset().orElse(null);
        search.run(store, dataset == null ? null : new long[] {dataset.id()}, searchText.get(), message::set,
                () -> applyView(currentSampleId()));
    }

    private long currentSampleId() {
        OptionalInt row = currentRow();
        return row.isPresent() && lastLoad != null ? lastLoad.rows().sampleId(row.getAsInt()) : -1;
    }

    /** Filters and sorts the loaded rows, then shows {@code keep} when it is in view, else the same position. */
    private void applyView(long keep) {
        ReviewRows data = data();
        int keepPosition = current.get();
        int[] view = null;
        if (data != null) {
            ReviewFilter applied = filter.get().withText(search.matchedText());
            view = sort.get().apply(data, applied.apply(data, search.matches(), verdicts));
        }
        inView.show(data, view, store);
        int size = inView.size();
        int position = data == null ? -1 : inView.positionOf(data, keep);
        if (position < 0 && size > 0) {
            position = Math.max(0, Math.min(keepPosition, size - 1));
        }
        show(position);
    }

    private void show(int position) {
        long ticket = detail.begin();
        if (position != current.get()) {
            commands.rowChanged();
        }
        current.set(position);
        OptionalInt row = currentRow();
        if (row.isEmpty() || store == null) {
            detail.clear();
            return;
        }
        long sampleId = data().sampleId(row.getAsInt());
        detail.read(ticket, store, sampleId, commands::detailArrived,
                reason -> message.set("Could not read sample " + sampleId + ": " + reason));
    }

    public void dispose() {
        workspace.selectedDatasetProperty().removeListener(datasetListener);
        filter.removeListener(viewListener);
        sort.removeListener(viewListener);
        searchText.removeListener(searchListener);
        debouncer.cancel();
        generation++;
        search.cancel();
        detail.begin();
        inView.close();
    }
}
