package dev.sift.ui.agents;

import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.InstalledModel;
import dev.sift.core.llm.models.ModelDownloadJob;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.llm.models.RepoFile;
import dev.sift.core.llm.models.SuggestedModel;
import dev.sift.ui.agents.SuggestedModelRow.ModelState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local models folder: the models in it (complete, or partly downloaded and resumable), the short
 * list of suggested models with their state, a download on the user's click (a status-bar job with
 * progress and cancel; a second click resumes a stopped one), a check of a suggestion's file paths
 * against the repository listing, and "use as endpoint", which opens the endpoint form as a LOCAL
 * endpoint with the model's folder; any other repository through {@link RepoDownloadViewModel}; and deleting
 * a model folder after confirmation. Nothing touches the network unless the user clicks. UI thread only;
 * reading the folder is quick and done here, downloads and listings run in the background.
 */
public final class ModelsViewModel {

    /** Shown beside the suggestions: their file paths are a best guess until the listing confirms them. */
    public static final String PATHS_NOTE = "The file paths of the suggested models follow the usual ONNX export"
            + " layout but were not checked against the Hub. Use \"Check files\" to compare them with the"
            + " repository listing; a download lists the repository first and stops if a file is missing.";

    private final ModelsDirectory models;
    private final Supplier<HubClient> hubFactory;
    private final List<SuggestedModel> suggestions;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final BiFunction<String, Path, Optional<EndpointFormViewModel>> endpointForm;
    private final ObservableList<InstalledModelRow> installed = FXCollections.observableArrayList();
    private final ObservableList<SuggestedModelRow> suggested = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InstalledModelRow> selectedInstalled = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SuggestedModelRow> selectedSuggested = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Set<String> downloading = new HashSet<>();
    private final RepoDownloadViewModel repoDownload;
    private HubClient hub;

    /**
     * @param hub made on the first download or listing, never before
     * @param endpointForm makes the LOCAL endpoint form for a suggested name and a model folder; empty
     *     without a project
     */
    ModelsViewModel(ModelsDirectory models, Supplier<HubClient> hub, List<SuggestedModel> suggestions,
            UiJobRunner jobs, DialogService dialogs,
            BiFunction<String, Path, Optional<EndpointFormViewModel>> endpointForm) {
        this.models = models;
        this.hubFactory = hub;
        this.suggestions = List.copyOf(suggestions);
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.endpointForm = endpointForm;
        repoDownload = new RepoDownloadViewModel(models, this::hub, jobs, dialogs, status::set, error::set, this::refresh);
        refresh();
    }

    /** Download of any repository, with the files chosen one by one. */
    public RepoDownloadViewModel repoDownload() {
        return repoDownload;
    }

    public ObservableList<InstalledModelRow> installed() {
        return installed;
    }

    public ObservableList<SuggestedModelRow> suggested() {
        return suggested;
    }

    public ReadOnlyObjectProperty<InstalledModelRow> selectedInstalledProperty() {
        return selectedInstalled.getReadOnlyProperty();
    }

    public void selectInstalled(InstalledModelRow row) {
        selectedInstalled.set(row);
    }

    public ReadOnlyObjectProperty<SuggestedModelRow> selectedSuggestedProperty() {
        return selectedSuggested.getReadOnlyProperty();
    }

    public void selectSuggested(SuggestedModelRow row) {
        selectedSuggested.set(row);
    }

    /** What happened last: a download finished, a listing was checked. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last failure, user-safe; empty when the last action went well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Models folder: …" */
    public String folderText() {
        return "Models folder: " + models.root();
    }

    /** Reads the models folder again and recomputes every suggestion's state, keeping the selections. */
    public void refresh() {
        List<InstalledModelRow> rows = new ArrayList<>();
        try {
            for (InstalledModel model : models.installed()) {
                rows.add(new InstalledModelRow(model.name(), model.repoId(), model.folder(), model.sizeBytes(),
                        model.onnxFiles(), false));
            }
            rows.addAll(partialDownloads());
        } catch (UncheckedIOException e) {
            error.set("Cannot read the models folder: " + e.getMessage());
        }
        rows.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        String installedName = selectedInstalled.get() == null ? null : selectedInstalled.get().name();
        String suggestedRepo = selectedSuggested.get() == null ? null : selectedSuggested.get().repoId();
        installed.setAll(rows);
        suggested.setAll(suggestions.stream().map(s -> new SuggestedModelRow(s, stateOf(s.repoId()))).toList());
        selectedInstalled.set(installed.stream().filter(r -> r.name().equals(installedName)).findFirst().orElse(null));
        selectedSuggested.set(suggested.stream().filter(r -> r.repoId().equals(suggestedRepo)).findFirst().orElse(null));
    }

    private ModelState stateOf(String repoId) {
        if (downloading.contains(repoId)) {
            return ModelState.DOWNLOADING;
        }
        if (models.isInstalled(repoId)) {
            return ModelState.INSTALLED;
        }
        return models.hasPartialDownload(repoId) ? ModelState.PARTIAL : ModelState.NOT_INSTALLED;
    }

    /** Model folders holding an unfinished download: what has arrived so far can be resumed. */
    private List<InstalledModelRow> partialDownloads() {
        return models.partialDownloads().stream().map(p -> new InstalledModelRow(p.name(), p.repoId(), p.folder(),
                p.bytesSoFar(), List.of(), true)).toList();
    }

    /**
     * Deletes the model folder of {@code row} with all its files, after the user confirms a question that
     * names the folder and its size. Refused while Sift is downloading into it.
     */
    public void delete(InstalledModelRow row) {
        if (row == null) {
            return;
        }
        if (downloading.contains(row.repoId())) {
            error.set(row.repoId() + " is downloading; cancel the download before deleting it");
            return;
        }
        String size = bytes(ModelsDirectory.sizeOf(row.folder()));
        String what = row.partial() ? "the partial download " : "the model ";
        if (!dialogs.confirm("Delete model", "Delete " + what + row.repoId() + "?\n\nThe folder " + row.folder()
                + " and everything in it (" + size + ") will be removed from disk.")) {
            return;
        }
        try {
            long freed = models.delete(row.name());
            error.set("");
            status.set("Deleted " + row.folder() + " (" + bytes(freed) + " freed).");
        } catch (IOException | IllegalArgumentException e) {
            error.set("Could not delete " + row.folder() + ": " + e.getMessage());
        }
        refresh();
    }

    /**
     * Downloads (or resumes) the suggested model {@code row} as a status-bar job. Ignored for a model
     * that is installed or downloading now.
     */
    public void download(SuggestedModelRow row) {
        if (row == null || !row.canDownload() || downloading.contains(row.repoId())) {
            return;
        }
        String repo = row.repoId();
        boolean resuming = row.state() == ModelState.PARTIAL;
        downloading.add(repo);
        error.set("");
        status.set((resuming ? "Resuming the download of " : "Downloading ") + repo + "…");
        refresh();
        jobs.run(new ModelDownloadJob(hub(), models, row.model().request()),
                JobCallbacks.<Path>onSuccess(folder -> status.set("Downloaded " + repo + "."))
                        .onFailure(reason -> {
                            status.set("");
                            error.set("The download of " + repo + " failed: " + reason);
                            dialogs.showError("Download failed", "The download of " + repo + " failed: " + reason);
                        })
                        .onCancelled(() -> status.set("The download of " + repo
                                + " was cancelled; click Resume download to go on from where it stopped."))
                        .onFinished(() -> {
                            downloading.remove(repo);
                            refresh();
                        }));
    }

    /** Lists the repository of {@code row} in the background and says which of its file paths it lacks. */
    public void checkFiles(SuggestedModelRow row) {
        if (row == null) {
            return;
        }
        SuggestedModel model = row.model();
        error.set("");
        status.set("Listing the files of " + model.repoId() + "…");
        jobs.query(QueryJob.of("List " + model.repoId(),
                        context -> hub().listFiles(model.repoId(), HubClient.DEFAULT_REVISION)),
                JobCallbacks.<List<RepoFile>>onSuccess(files -> status.set(compare(model, files)))
                        .onFailure(reason -> {
                            status.set("");
                            error.set("Could not list " + model.repoId() + ": " + reason);
                        }));
    }

    /** "All 3 files are in …", or which are missing and which ONNX graphs the repository has. */
    static String compare(SuggestedModel model, List<RepoFile> listing) {
        Set<String> present = new HashSet<>();
        listing.forEach(f -> present.add(f.path()));
        List<String> missing = model.files().stream().filter(f -> !present.contains(f)).toList();
        if (missing.isEmpty()) {
            return "All " + model.files().size() + " files of " + model.repoId() + " are in its repository listing.";
        }
        List<String> onnx = listing.stream().map(RepoFile::path).filter(p -> p.endsWith(".onnx")).sorted().toList();
        return model.repoId() + " has no " + String.join(", ", missing) + "; its ONNX files are: "
                + (onnx.isEmpty() ? "none" : String.join(", ", onnx)) + ".";
    }

    /**
     * The endpoint form for the installed model {@code row}, as a LOCAL endpoint with its folder; empty
     * (with a message) for a partial download or when no project is open.
     */
    public Optional<EndpointFormViewModel> useAsEndpoint(InstalledModelRow row) {
        if (row == null || row.partial()) {
            return Optional.empty();
        }
        Optional<EndpointFormViewModel> form = endpointForm.apply(endpointName(row.repoId()), row.folder());
        if (form.isEmpty()) {
            dialogs.showInfo("Use as endpoint", "Open a project first: endpoints belong to a project.");
        }
        return form;
    }

    /** {@code HuggingFaceTB/SmolLM2-135M-Instruct} → {@code smollm2-135m-instruct}. */
    static String endpointName(String repoId) {
        return repoId.substring(repoId.indexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private HubClient hub() {
        if (hub == null) {
            hub = hubFactory.get();
        }
        return hub;
    }

    /** "1.4 GB", "270 MB", "5 KB", "12 B" (decimal units, as the Hub shows sizes). */
    static String bytes(long n) {
        if (n < 1_000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1_000 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return (value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }
}
