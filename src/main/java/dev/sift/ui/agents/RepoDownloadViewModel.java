package dev.sift.ui.agents;

import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelDownloadJob;
import dev.sift.core.llm.models.ModelDownloadRequest;
import dev.sift.core.llm.models.ModelFileChoice;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.llm.models.RepoFile;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Downloads any Hugging Face repository, file by file: the user types {@code owner/name}, lists the
 * repository (in the background), ticks the files to fetch (ticked at first: what a causal-LM ONNX export
 * needs, see {@link ModelFileChoice}) and downloads them as a status-bar job. Outcomes go to the models
 * tab's status and error lines. UI thread only.
 */
public final class RepoDownloadViewModel {

    /** One file of the listed repository, ticked or not. */
    public static final class FileRow {
        private final RepoFile file;
        private final BooleanProperty chosen = new SimpleBooleanProperty();

        FileRow(RepoFile file, boolean chosen) {
            this.file = file;
            this.chosen.set(chosen);
        }

        public String path() {
            return file.path();
        }

        public long size() {
            return file.size();
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        /** "onnx/model.onnx · 540 MB" */
        public String label() {
            return file.path() + " · " + (file.sizeKnown() ? ModelsViewModel.bytes(file.size()) : "size unknown");
        }
    }

    private final ModelsDirectory models;
    private final Supplier<HubClient> hub;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final Consumer<String> status;
    private final Consumer<String> error;
    private final Runnable downloaded;
    private final StringProperty repo = new SimpleStringProperty("");
    private final ObservableList<FileRow> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private String listedRepo;

    /**
     * @param status and {@code error}: where outcomes are told
     * @param downloaded called after each download ends, however it ended
     */
    RepoDownloadViewModel(ModelsDirectory models, Supplier<HubClient> hub, UiJobRunner jobs, DialogService dialogs,
            Consumer<String> status, Consumer<String> error, Runnable downloaded) {
        this.models = models;
        this.hub = hub;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.status = status;
        this.error = error;
        this.downloaded = downloaded;
    }

    /** The repository typed by the user, {@code owner/name}. */
    public StringProperty repoProperty() {
        return repo;
    }

    /** The files of the repository listed last. */
    public ObservableList<FileRow> files() {
        return files;
    }

    /** "3 of 7 files ticked · 540 MB"; empty before a listing. */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Why the ticks are not a complete model (no tokenizer, no full-precision graph); empty when they are. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Whether a listing or a download of the listed repository is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is wrong with the typed repository id; empty when it reads as one. */
    public Optional<String> repoProblem() {
        String id = repo.get().strip();
        if (id.isEmpty()) {
            return Optional.of("Type a Hugging Face repository as owner/name, e.g. onnx-community/Qwen2.5-0.5B-Instruct");
        }
        try {
            ModelsDirectory.folderName(id);
            return id.contains("/") ? Optional.empty()
                    : Optional.of("\"" + id + "\" has no owner; type the repository as owner/name");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Lists the typed repository in the background and ticks the default files. */
    public void listFiles() {
        Optional<String> problem = repoProblem();
        if (problem.isPresent()) {
            error.accept(problem.get());
            return;
        }
        String id = repo.get().strip();
        error.accept("");
        status.accept("Listing the files of " + id + "…");
        busy.set(true);
        jobs.query(QueryJob.of("List " + id, context -> hub.get().listFiles(id, HubClient.DEFAULT_REVISION)),
                JobCallbacks.<List<RepoFile>>onSuccess(listing -> show(id, listing))
                        .onFailure(reason -> {
                            status.accept("");
                            error.accept("Could not list " + id + ": " + reason);
                        })
                        .onFinished(() -> busy.set(false)));
    }

    private void show(String id, List<RepoFile> listing) {
        ModelFileChoice.Choice choice = ModelFileChoice.defaultFor(id, listing);
        Set<String> ticked = Set.copyOf(choice.files());
        listedRepo = id;
        files.setAll(listing.stream().map(f -> new FileRow(f, ticked.contains(f.path()))).toList());
        files.forEach(row -> row.chosenProperty().addListener((obs, old, now) -> updateTotal()));
        note.set(choice.problem().orElse(""));
        updateTotal();
        status.accept(id + " has " + listing.size() + " files; the ticked ones are what Sift needs to run it.");
    }

    private void updateTotal() {
        List<FileRow> chosen = chosen();
        long bytes = chosen.stream().mapToLong(r -> Math.max(0, r.size())).sum();
        boolean unknown = chosen.stream().anyMatch(r -> r.size() < 0);
        total.set(chosen.size() + " of " + files.size() + " files ticked · " + ModelsViewModel.bytes(bytes)
                + (unknown ? " and files of unknown size" : ""));
    }

    private List<FileRow> chosen() {
        return files.stream().filter(r -> r.chosenProperty().get()).toList();
    }

    /** Downloads the ticked files of the listed repository as a status-bar job (a second run resumes). */
    public void download() {
        List<String> paths = chosen().stream().map(FileRow::path).toList();
        if (listedRepo == null || paths.isEmpty()) {
            error.accept(listedRepo == null ? "List a repository's files first" : "Tick at least one file to download");
            return;
        }
        String id = listedRepo;
        ModelDownloadRequest request = new ModelDownloadRequest(id, HubClient.DEFAULT_REVISION, paths);
        error.accept("");
        status.accept("Downloading " + paths.size() + " files of " + id + "…");
        busy.set(true);
        jobs.run(new ModelDownloadJob(hub.get(), models, request),
                JobCallbacks.<Path>onSuccess(folder -> status.accept("Downloaded " + id + " to " + folder + "."))
                        .onFailure(reason -> {
                            status.accept("");
                            error.accept("The download of " + id + " failed: " + reason);
                            dialogs.showError("Download failed", "The download of " + id + " failed: " + reason);
                        })
                        .onCancelled(() -> status.accept("The download of " + id
                                + " was cancelled; download it again to go on from where it stopped."))
                        .onFinished(() -> {
                            busy.set(false);
                            downloaded.run();
                        }));
    }
}
