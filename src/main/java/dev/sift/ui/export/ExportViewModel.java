package dev.sift.ui.export;

import dev.sift.core.export.CurationCounts;
import dev.sift.core.export.ExportJob;
import dev.sift.core.export.ExportRequest;
import dev.sift.core.export.ExportResult;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.FileType;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Export screen: the selected dataset's curated samples (what the decisions keep) or all its samples, in a
 * training format, to a file, optionally with DPO preference pairs; a preview of the first {@value #PREVIEW} records
 * exactly as they will be written (the exporter run to a string); the export itself as a background job. UI thread.
 */
public final class ExportViewModel {

    /** Records the preview shows. */
    static final int PREVIEW = 5;

    /** The formats Sift writes. */
    static final List<DatasetFormat> FORMATS = List.of(DatasetFormat.ALPACA_JSON, DatasetFormat.ALPACA_JSONL,
            DatasetFormat.SHAREGPT, DatasetFormat.MESSAGES_JSONL);

    /** What to export. */
    public enum Content {
        ACCEPTED("Accepted decisions (curated)"),
        ALL("All samples, as imported");

        private final String label;

        Content(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final String version;
    private final ObjectProperty<Content> content = new SimpleObjectProperty<>(Content.ACCEPTED);
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>(DatasetFormat.ALPACA_JSON);
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty pairsTarget = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final InvalidationListener refresh = o -> refreshPreview();
    private long previewGeneration;

    public ExportViewModel(WorkspaceState workspace, UiJobRunner jobs, DialogService dialogs, String version) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.version = version;
        workspace.selectedDatasetProperty().addListener(refresh);
        content.addListener(refresh);
        format.addListener(refresh);
        content.addListener(o -> {
            if (content.get() == Content.ALL) {
                pairsTarget.set("");
            }
        });
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return workspace.selectedDatasetProperty();
    }

    public List<DatasetFormat> formats() {
        return FORMATS;
    }

    public ObjectProperty<Content> contentProperty() {
        return content;
    }

    public ObjectProperty<DatasetFormat> formatProperty() {
        return format;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** Where to write DPO preference pairs; empty for none. Only with the accepted decisions. */
    public StringProperty pairsTargetProperty() {
        return pairsTarget;
    }

    /** The first records as the file will hold them, or why there are none. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** A line on the last export: what it wrote, or why it did not. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public void chooseTarget() {
        String extension = format.get() == DatasetFormat.ALPACA_JSON || format.get() == DatasetFormat.SHAREGPT
                ? ".json" : ".jsonl";
        String name = workspace.selectedDataset().map(Dataset::name).orElse("export")
                + (content.get() == Content.ACCEPTED ? "-curated" : "") + extension;
        dialogs.chooseFileToSave("Export to", name,
                        List.of(new FileType(format.get().label(), List.of("*" + extension)), FileType.ANY))
                .ifPresent(path -> target.set(path.toString()));
    }

    public void choosePairsTarget() {
        String name = workspace.selectedDataset().map(Dataset::name).orElse("export") + "-dpo.jsonl";
        dialogs.chooseFileToSave("Write preference pairs to", name,
                        List.of(new FileType("DPO pairs (JSON lines)", List.of("*.jsonl")), FileType.ANY))
                .ifPresent(path -> pairsTarget.set(path.toString()));
    }

    /** Reads the preview again in the background; a newer refresh supersedes an older one still running. */
    public void refreshPreview() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = workspace.selectedDataset();
        long generation = ++previewGeneration;
        if (store.isEmpty() || dataset.isEmpty()) {
            preview.set("Choose a dataset to export.");
            return;
        }
        ExportJob job = new ExportJob(request(dataset.get(), Path.of("preview.json"), Optional.empty()), store.get(),
                version);
        jobs.query(QueryJob.of("Export preview", context -> job.preview(PREVIEW, context)),
                JobCallbacks.<String>onSuccess(text -> {
                    if (generation == previewGeneration) {
                        preview.set(text.strip().equals("[ ]") || text.isBlank() ? emptyPreview() : text);
                    }
                }).onFailure(reason -> {
                    if (generation == previewGeneration) {
                        preview.set("Cannot preview: " + reason);
                    }
                }));
    }

    /** Starts the export; returns false (and says why) when the options are incomplete. */
    public boolean export() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = workspace.selectedDataset();
        if (store.isEmpty() || dataset.isEmpty() || target.get().isBlank() || running.get()) {
            dialogs.showError("Cannot export yet", "Choose a dataset and a file to export to.");
            return false;
        }
        Optional<Path> pairs = pairsTarget.get().isBlank() || content.get() == Content.ALL
                ? Optional.empty() : Optional.of(Path.of(pairsTarget.get().strip()));
        ExportRequest request;
        try {
            request = request(dataset.get(), Path.of(target.get().strip()), pairs);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Cannot export", e.getMessage());
            return false;
        }
        running.set(true);
        result.set("Exporting…");
        jobs.run(new ExportJob(request, store.get(), version), JobCallbacks.<ExportResult>onSuccess(
                        r -> result.set(describe(r)))
                .onFailure(reason -> {
                    result.set("Export failed: " + reason);
                    dialogs.showError("Export failed", reason);
                })
                .onCancelled(() -> result.set("Export cancelled; no file was changed."))
                .onFinished(() -> running.set(false)));
        return true;
    }

    private ExportRequest request(Dataset dataset, Path file, Optional<Path> pairs) {
        SampleQuery query = SampleQuery.dataset(dataset.id());
        return content.get() == Content.ACCEPTED
                ? ExportRequest.accepted(query, format.get(), file, false, pairs)
                : new ExportRequest(query, format.get(), file, false);
    }

    private String emptyPreview() {
        return content.get() == Content.ACCEPTED
                ? "No sample of this dataset is kept yet: choose or edit samples in Review, or export all samples."
                : "This dataset has no samples.";
    }

    static String describe(ExportResult r) {
        var line = new StringBuilder(String.format(Locale.ROOT, "Exported %,d records to %s", r.records(),
                r.file().getFileName()));
        if (r.curation().isPresent()) {
            CurationCounts c = r.curation().get();
            line.append(String.format(Locale.ROOT, " (left out %,d rejected and %,d undecided)", c.rejected(),
                    c.undecided()));
            r.preferencePairs().ifPresent(p -> line.append(String.format(Locale.ROOT,
                    " and %,d preference pairs to %s", c.pairs(), p.getFileName())));
        }
        return line.append('.').toString();
    }

    public void dispose() {
        workspace.selectedDatasetProperty().removeListener(refresh);
        previewGeneration++;
    }
}
