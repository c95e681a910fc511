package dev.sift.ui.insights;

import dev.sift.app.LlmAccess;
import dev.sift.core.job.Job;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.pipeline.ScoreIfdSummary;
import dev.sift.core.pipeline.SelectSpec;
import dev.sift.core.pipeline.SelectSummary;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ScoreGroup;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Launches IFD scoring and selection for the selected dataset as background runs (listed in the status bar with
 * progress and cancel), then has the charts reloaded. Scoring uses either an ONNX model folder, opened in process, or
 * a model served by one of the project's OpenAI-compatible endpoints (vLLM), chosen with {@link #scorerProperty()}. A selection becomes algorithm decisions, which the charts show as
 * the selected set.
 */
public final class IfdLaunchViewModel {

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final InsightsViewModel insights;
    private final Supplier<LlmAccess> llm;
    private final ObjectProperty<IfdLaunchScorer> scorer = new SimpleObjectProperty<>(IfdLaunchScorer.MODEL_FOLDER);
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty remoteModel = new SimpleStringProperty("");
    private final ObjectProperty<IfdMode> mode = new SimpleObjectProperty<>(IfdMode.CHERRY_V1);
    /** Null for the mode's own template. */
    private final ObjectProperty<PromptTemplate> template = new SimpleObjectProperty<>();
    private final ObjectProperty<SelectSpec.Method> method = new SimpleObjectProperty<>(SelectSpec.Method.CHERRY_V1);
    private final DoubleProperty ratePercent = new SimpleDoubleProperty(10);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final InvalidationListener projectChanged = obs -> {
        endpoint.set("");
        refreshEndpoints();
    };
    private final BooleanBinding ready;
    private final BooleanBinding scorerChosen;
    private final BooleanBinding canScore;
    private final BooleanBinding canSelect;

    /** @param llm reaches the endpoints; asked for only when scoring on one */
    public IfdLaunchViewModel(WorkspaceState workspace, UiJobRunner jobs, DialogService dialogs,
            InsightsViewModel insights, Supplier<LlmAccess> llm) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.insights = insights;
        this.llm = llm;
        ready = Bindings.isNotNull(workspace.selectedDatasetProperty()).and(running.not());
        scorerChosen = Bindings.createBooleanBinding(() -> scorer.get() != IfdLaunchScorer.ENDPOINT
                || !blank(endpoint.get()) && !blank(remoteModel.get()), scorer, endpoint, remoteModel);
        canScore = ready.and(scorerChosen);
        canSelect = ready.and(Bindings.isNotNull(insights.groupProperty()));
        workspace.projectProperty().addListener(projectChanged);
        refreshEndpoints();
    }

    public ObjectProperty<IfdLaunchScorer> scorerProperty() {
        return scorer;
    }

    /** The names of the project's endpoints that can serve a scoring model (OpenAI-compatible ones). */
    public ObservableList<String> endpoints() {
        return endpoints;
    }

    /** The endpoint to score on, by name; empty for none. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** The model id the endpoint serves. */
    public StringProperty remoteModelProperty() {
        return remoteModel;
    }

    /** Reads the project's endpoints again (the list may have changed on the Agents screen). */
    public void refreshEndpoints() {
        Optional<ProjectStore> store = workspace.store();
        if (store.isEmpty()) {
            endpoints.clear();
            return;
        }
        try {
            endpoints.setAll(store.get().endpoints().list().stream().filter(e -> e.kind() == EndpointKind.OPENAI)
                    .map(Endpoint::name).toList());
        } catch (StoreException e) {
            dialogs.showError("Could not read the endpoints", e.getMessage());
            return;
        }
        if (blank(endpoint.get()) && endpoints.size() == 1) {
            endpoint.set(endpoints.get(0));
        }
    }

    public ObjectProperty<IfdMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<PromptTemplate> templateProperty() {
        return template;
    }

    public ObjectProperty<SelectSpec.Method> methodProperty() {
        return method;
    }

    /** The share to select, 0 to 100. */
    public DoubleProperty ratePercentProperty() {
        return ratePercent;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canScoreProperty() {
        return canScore;
    }

    public BooleanBinding canSelectProperty() {
        return canSelect;
    }

    /** What the last run did, or why it stopped. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Scores every sample of the dataset with the chosen scorer: asks for the model's folder, or uses the chosen
     * endpoint and model. A rerun with the same scorer and settings resumes.
     */
    public void scoreIfd() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = workspace.selectedDataset();
        if (!canScore.get() || store.isEmpty() || dataset.isEmpty()) {
            return;
        }
        Job<ScoreIfdSummary> job;
        if (scorer.get() == IfdLaunchScorer.ENDPOINT) {
            Optional<Endpoint> target = endpointNamed(store.get(), endpoint.get());
            if (target.isEmpty()) {
                return;
            }
            job = IfdRunJobs.scoreOnEndpoint(store.get(), dataset.get().id(), target.get(), remoteModel.get().strip(),
                    llm, mode.get(), template.get());
        } else {
            Optional<Path> folder = dialogs.chooseFolder(
                    "Choose the scoring model's folder (model.onnx, tokenizer.json)");
            if (folder.isEmpty()) {
                return;
            }
            job = IfdRunJobs.score(store.get(), dataset.get().id(), folder.get(), mode.get(), template.get());
        }
        start("Scoring IFD…");
        jobs.run(job,
                JobCallbacks.<ScoreIfdSummary>onSuccess(s -> status.set(String.format(Locale.ROOT,
                        "Run %d: %,d scored, %,d not scorable, %,d already done of %,d.", s.runId(), s.scored(),
                        s.unscorable(), s.alreadyDone(), s.total())))
                        .onFailure(reason -> failed("Scoring IFD failed", reason + " Run it again to resume."))
                        .onCancelled(() -> status.set("Scoring cancelled; the scores so far are saved. "
                                + "Score again with the same model to resume."))
                        .onFinished(this::finished));
    }

    /** Selects by the shown group's IFD scores with the chosen rule and rate, recording choose/reject decisions. */
    public void select() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = workspace.selectedDataset();
        ScoreGroup group = insights.groupProperty().get();
        if (!canSelect.get() || store.isEmpty() || dataset.isEmpty() || group == null) {
            return;
        }
        double rate = ratePercent.get() / 100.0;
        if (!(rate >= 0 && rate <= 1)) {
            dialogs.showError("Select by IFD", "The share to select must be between 0 and 100 %.");
            return;
        }
        var spec = new SelectSpec(method.get(), OptionalDouble.of(rate), OptionalInt.empty(), false,
                OptionalInt.empty(), group.scorer(), group.template());
        start("Selecting…");
        jobs.run(IfdRunJobs.select(store.get(), dataset.get().id(), spec),
                JobCallbacks.<SelectSummary>onSuccess(s -> status.set(String.format(Locale.ROOT,
                        "Run %d: selected %,d of %,d samples (%,d kept by the IFD rule); the rest are rejected.",
                        s.runId(), s.selected(), s.total(), s.kept())))
                        .onFailure(reason -> failed("Selection failed", reason))
                        .onCancelled(() -> status.set("Selection cancelled; no decisions were recorded."))
                        .onFinished(this::finished));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Optional<Endpoint> endpointNamed(ProjectStore store, String name) {
        try {
            Optional<Endpoint> found = store.endpoints().findByName(name)
                    .filter(e -> e.kind() == EndpointKind.OPENAI);
            if (found.isEmpty()) {
                dialogs.showError("Score IFD", "There is no OpenAI-compatible endpoint named '" + name
                        + "' in this project.");
                refreshEndpoints();
            }
            return found;
        } catch (StoreException e) {
            dialogs.showError("Could not read the endpoints", e.getMessage());
            return Optional.empty();
        }
    }

    private void start(String message) {
        running.set(true);
        status.set(message);
    }

    private void failed(String title, String reason) {
        status.set(title + ".");
        dialogs.showError(title, reason);
    }

    private void finished() {
        running.set(false);
        insights.reload();
    }

    public void dispose() {
        workspace.projectProperty().removeListener(projectChanged);
        canSelect.dispose();
        canScore.dispose();
        scorerChosen.dispose();
        ready.dispose();
    }
}
