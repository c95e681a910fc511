package dev.sift.ui.datasets;

import dev.sift.core.export.ExportJob;
import dev.sift.core.export.ExportRequest;
import dev.sift.core.export.ExportResult;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.FileType;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Exporting the selected dataset (optionally only the samples matching the current filter) to a
 * training format, as a background job.
 */
public final class ExportDialogViewModel {

    /** The formats Sift writes. */
    public static final List<DatasetFormat> FORMATS = List.of(DatasetFormat.ALPACA_JSON, DatasetFormat.ALPACA_JSONL,
            DatasetFormat.SHAREGPT, DatasetFormat.MESSAGES_JSONL);

    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final String version;
    private final ProjectStore store;
    private final String datasetName;
    private final SampleQuery whole;
    private final SampleQuery filtered;
    private final Consumer<String> report;
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>(DatasetFormat.ALPACA_JSON);
    private final StringProperty target = new SimpleStringProperty("");
    private final BooleanProperty llamaFactoryEntry = new SimpleBooleanProperty(false);
    private final BooleanProperty applyFilter;
    private final BooleanBinding valid;

    /**
     * @param filtered the query the table shows now; its text may be empty
     * @param report receives a one-line account when the export has finished
     */
    public ExportDialogViewModel(UiJobRunner jobs, DialogService dialogs, String version, ProjectStore store,
            String datasetName, SampleQuery filtered, Consumer<String> report) {
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.version = version;
        this.store = store;
        this.datasetName = datasetName;
        this.filtered = filtered;
        this.whole = filtered.withText("");
        this.report = report;
        this.applyFilter = new SimpleBooleanProperty(hasFilter());
        valid = Bindings.createBooleanBinding(() -> !target.get().isBlank() && format.get() != null, target, format);
    }

    public List<DatasetFormat> formats() {
        return FORMATS;
    }

    public ObjectProperty<DatasetFormat> formatProperty() {
        return format;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public BooleanProperty llamaFactoryEntryProperty() {
        return llamaFactoryEntry;
    }

    /** Whether to export only the samples that match the table's filter. */
    public BooleanProperty applyFilterProperty() {
        return applyFilter;
    }

    public boolean hasFilter() {
        return !filtered.text().isEmpty();
    }

    public String filterDescription() {
        return hasFilter() ? "Only samples matching \"" + filtered.text() + "\"" : "No filter is applied";
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public void chooseTarget() {
        String extension = format.get() == DatasetFormat.ALPACA_JSON ? ".json" : ".jsonl";
        dialogs.chooseFileToSave("Export " + datasetName, datasetName + extension,
                        List.of(new FileType(format.get().label(), List.of("*" + extension)), FileType.ANY))
                .ifPresent(path -> target.set(path.toString()));
    }

    /** Starts the export; returns false (and says why) when the options are incomplete. */
    public boolean export() {
        if (!valid.get()) {
            dialogs.showError("Cannot export yet", "Choose a file to export to.");
            return false;
        }
        SampleQuery query = applyFilter.get() ? filtered : whole;
        var request = new ExportRequest(query, format.get(), Path.of(target.get().strip()), llamaFactoryEntry.get());
        jobs.run(new ExportJob(request, store, version), JobCallbacks.<ExportResult>onSuccess(result -> report.accept(
                        String.format("Exported %,d records to %s", result.records(), result.file().getFileName())
                                + result.datasetInfo().map(p -> " (and " + p.getFileName() + ")").orElse("") + "."))
                .onFailure(reason -> dialogs.showError("Export failed", reason)));
        return true;
    }

    public void dispose() {
        valid.dispose();
    }
}
