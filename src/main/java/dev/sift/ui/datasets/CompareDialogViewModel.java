package dev.sift.ui.datasets;

import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.CompareDatasetsJob;
import dev.sift.core.pipeline.CompareDatasetsSpec;
import dev.sift.core.pipeline.CompareDatasetsSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Compare…" on the Datasets screen: pick the other datasets whose answers to the same instructions become candidates
 * of the selected dataset's samples, then run the comparison as a background job.
 */
public final class CompareDialogViewModel {

    /** One dataset to compare with, and whether it is picked. */
    public record Choice(Dataset dataset, BooleanProperty picked) {}

    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final ProjectStore store;
    private final Dataset base;
    private final List<Choice> choices;
    private final Consumer<String> report;
    private final BooleanProperty exact = new SimpleBooleanProperty(false);
    private final BooleanBinding valid;

    /**
     * @param datasets the project's datasets; the base is left out of the choices
     * @param report receives a one-line account when the comparison has finished
     */
    public CompareDialogViewModel(UiJobRunner jobs, DialogService dialogs, ProjectStore store, Dataset base,
            List<Dataset> datasets, Consumer<String> report) {
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.store = store;
        this.base = base;
        this.report = report;
        this.choices = datasets.stream().filter(d -> d.id() != base.id())
                .map(d -> new Choice(d, new SimpleBooleanProperty(false))).toList();
        valid = Bindings.createBooleanBinding(() -> choices.stream().anyMatch(c -> c.picked().get()),
                choices.stream().map(Choice::picked).toArray(BooleanProperty[]::new));
    }

    public Dataset base() {
        return base;
    }

    /** The other datasets, in the project's order. */
    public List<Choice> choices() {
        return choices;
    }

    /** Match instruction and input exactly as stored, instead of normalised. */
    public BooleanProperty exactProperty() {
        return exact;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Starts the comparison; returns false (and says why) when no dataset is picked. */
    public boolean compare() {
        List<Dataset> picked = choices.stream().filter(c -> c.picked().get()).map(Choice::dataset).toList();
        if (picked.isEmpty()) {
            dialogs.showError("Nothing to compare with", "Pick at least one other dataset.");
            return false;
        }
        var spec = new CompareDatasetsSpec(base, picked, exact.get());
        jobs.run(new CompareDatasetsJob(spec, store), JobCallbacks.<CompareDatasetsSummary>onSuccess(
                        s -> report.accept(describe(s)))
                .onFailure(reason -> dialogs.showError("Comparison failed", reason)));
        return true;
    }

    static String describe(CompareDatasetsSummary s) {
        long matched = s.others().stream().mapToLong(CompareDatasetsSummary.Other::matched).sum();
        long records = s.others().stream().mapToLong(CompareDatasetsSummary.Other::records).sum();
        return String.format(Locale.ROOT, "Compared: %,d of %,d records matched; %,d candidates added, %,d already"
                + " there.", matched, records, s.added(),
                s.others().stream().mapToLong(CompareDatasetsSummary.Other::alreadyPresent).sum());
    }

    public void dispose() {
        valid.dispose();
    }
}
