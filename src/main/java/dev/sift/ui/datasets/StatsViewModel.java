package dev.sift.ui.datasets;

import dev.sift.core.model.Dataset;
import dev.sift.core.stats.LengthStats;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Statistics of the selected dataset: counts, character-length percentiles and a histogram. */
public final class StatsViewModel {

    static final int HISTOGRAM_BINS = 12;

    /** One labelled figure, e.g. ("median chars", "1,204"). */
    public record Figure(String label, String value) {}

    private final UiJobRunner jobs;
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<HistogramBar> histogram = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LengthStats> stats = new ReadOnlyObjectWrapper<>();
    private long generation;

    public StatsViewModel(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    public ObservableList<Figure> figures() {
        return figures;
    }

    public ObservableList<HistogramBar> histogram() {
        return histogram;
    }

    public ReadOnlyObjectProperty<LengthStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** Computes the statistics of {@code dataset} in the background; clears them when null. */
    public void show(ProjectStore store, Dataset dataset) {
        long current = ++generation;
        figures.clear();
        histogram.clear();
        stats.set(null);
        if (store == null || dataset == null) {
            return;
        }
        jobs.query(QueryJob.of("Dataset statistics", ctx -> LengthStats.of(
                        store.samples().characterCounts(SampleQuery.dataset(dataset.id())), HISTOGRAM_BINS)),
                JobCallbacks.<LengthStats>onSuccess(result -> {
                    if (current == generation) {
                        apply(dataset, result);
                    }
                }).onFailure(reason -> {
                    if (current == generation) {
                        figures.setAll(new Figure("statistics", "unavailable: " + reason));
                    }
                }));
    }

    private void apply(Dataset dataset, LengthStats result) {
        stats.set(result);
        figures.setAll(List.of(
                new Figure("samples", number(result.count())),
                new Figure("exact duplicates skipped", number(dataset.duplicates())),
                new Figure("min chars", number(result.min())),
                new Figure("median chars", number(result.median())),
                new Figure("p90 chars", number(result.p90())),
                new Figure("max chars", number(result.max()))));
        histogram.setAll(result.histogram().stream().map(HistogramBar::of).toList());
    }

    public void dispose() {
        generation++;
    }

    private static String number(long value) {
        return String.format("%,d", value);
    }
}
