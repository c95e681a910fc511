package dev.sift.ui.datasets;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.common.Debouncer;
import dev.sift.ui.common.IndexList;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

/**
 * The sample table of the selected dataset: a text filter whose query runs in the background, the
 * matching ids as table rows, rows read page by page on demand, and the selected sample's detail.
 */
public final class SamplesViewModel {

    private final UiJobRunner jobs;
    private final Debouncer debouncer;
    private final IndexList rows = new IndexList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SampleDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<String> filterListener;
    private ProjectStore store;
    private SamplePageCache cache = new SamplePageCache(new long[0], (ids, from, to) -> List.of());
    private SampleQuery query = SampleQuery.all();
    private long generation;

    public SamplesViewModel(UiJobRunner jobs, Debouncer debouncer) {
        this.jobs = jobs;
        this.debouncer = debouncer;
        filterListener = (obs, old, text) -> debouncer.call(this::runQuery);
        filterText.addListener(filterListener);
    }

    /** Shows the samples of {@code newDataset} in {@code newStore} (either may be null), keeping the filter. */
    public void show(ProjectStore newStore, Dataset newDataset) {
        store = newStore;
        dataset.set(newDataset);
        debouncer.cancel();
        runQuery();
    }

    /** Row indexes of the table: 0 … matching samples - 1. */
    public IndexList rows() {
        return rows;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The sample shown in {@code row}, read through the page cache. */
    public Optional<Sample> sampleAt(int row) {
        return cache.get(row);
    }

    /** The query the table shows now: the dataset and the applied filter text. */
    public SampleQuery currentQuery() {
        return query;
    }

    public Optional<Dataset> dataset() {
        return Optional.ofNullable(dataset.get());
    }

    /** Selects a row (or none, with -1) and shows its sample in full. */
    public void select(int row) {
        detail.set(sampleAt(row).map(SampleDetail::of).orElse(null));
    }

    void runQuery() {
        long current = ++generation;
        Dataset selected = dataset.get();
        ProjectStore source = store;
        if (selected == null || source == null) {
            apply(current, SampleQuery.all(), new long[0], null);
            return;
        }
        SampleQuery wanted = SampleQuery.dataset(selected.id()).withText(filterText.get());
        jobs.query(QueryJob.of("Filter samples", ctx -> source.samples().ids(wanted)),
                JobCallbacks.<long[]>onSuccess(ids -> apply(current, wanted, ids, source))
                        .onFailure(reason -> {
                            if (current == generation) {
                                summary.set("The filter failed: " + reason);
                            }
                        }));
    }

    private void apply(long queryGeneration, SampleQuery applied, long[] ids, ProjectStore source) {
        if (queryGeneration != generation) {
            return; // a newer query is on its way
        }
        query = applied;
        cache = source == null
                ? new SamplePageCache(ids, (i, from, to) -> List.of())
                : new SamplePageCache(ids, (i, from, to) -> source.samples().fetch(i, from, to));
        detail.set(null);
        rows.reset(ids.length);
        summary.set(summarize(ids.length));
    }

    private String summarize(int shown) {
        Dataset selected = dataset.get();
        if (selected == null) {
            return "No dataset selected";
        }
        if (query.text().isEmpty()) {
            return String.format("%,d samples", shown);
        }
        return String.format("%,d of %,d samples match", shown, selected.samples());
    }

    public void dispose() {
        filterText.removeListener(filterListener);
        debouncer.cancel();
        generation++;
    }
}
