package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.ScoreIfdSummary;
import dev.sift.core.pipeline.SelectSpec;
import dev.sift.core.pipeline.SelectSummary;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ScoreGroup;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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

/**
 * Launches IFD scoring and selection for the selected dataset as background runs (listed in the status bar with
 * progress and cancel), then has the charts reloaded. A selection becomes algorithm decisions, which the charts show as
 * the selected set.
 */
public final class IfdLaunchViewModel {

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final InsightsViewModel insights;
    private final ObjectProperty<IfdMode> mode = new SimpleObjectProperty<>(IfdMode.CHERRY_V1);
    /** Null for the mode's own template. */
    private final ObjectProperty<PromptTemplate> template = new SimpleObjectProperty<>();
    private final ObjectProperty<SelectSpec.Method> method = new SimpleObjectProperty<>(SelectSpec.Method.CHERRY_V1);
    private final DoubleProperty ratePercent = new SimpleDoubleProperty(10);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canScore;
    private final BooleanBinding canSelect;

    public IfdLaunchViewModel(WorkspaceState workspace, UiJobRunner jobs, DialogService dialogs,
            InsightsViewModel insights) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.insights = insights;
        canScore = Bindings.isNotNull(workspace.selectedDatasetProperty()).and(running.not());
        canSelect = canScore.and(Bindings.isNotNull(insights.groupProperty()));
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

    /** Asks for the model's folder, then scores every sample of the dataset; a rerun resumes. */
    public void scoreIfd() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = workspace.selectedDataset();
        if (!canScore.get() || store.isEmpty() || dataset.isEmpty()) {
            return;
        }
        Optional<Path> folder = dialogs.chooseFolder("Choose the scoring model's folder (model.onnx, tokenizer.json)");
        if (folder.isEmpty()) {
            return;
        }
        start("Scoring IFD…");
        jobs.run(IfdRunJobs.score(store.get(), dataset.get().id(), folder.get(), mode.get(), template.get()),
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
        canSelect.dispose();
        canScore.dispose();
    }
}
