package dev.sift.ui.insights;

import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.pipeline.BriefExperienceJob;
import dev.sift.core.pipeline.BriefExperienceSpec;
import dev.sift.core.pipeline.BriefExperienceSummary;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.FileType;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Cherry's brief-experience sampling (ALGORITHMS.md §3.1 Phase 1) from the workbench: asks for the scoring model and
 * the file to write, then picks the subset for the user's own pre-experience fine-tune as a background run. The
 * project records the run; the dataset's decisions are not touched.
 */
public final class BriefExperienceViewModel {

    /** The formats a training subset can be written in. */
    static final List<DatasetFormat> FORMATS = List.of(DatasetFormat.ALPACA_JSONL, DatasetFormat.ALPACA_JSON,
            DatasetFormat.SHAREGPT, DatasetFormat.MESSAGES_JSONL);

    private final WorkspaceState workspace;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final Supplier<SentenceEmbedder> embedder;
    private final String version;
    private final IntegerProperty clusters = new SimpleIntegerProperty(100);
    private final IntegerProperty perCluster = new SimpleIntegerProperty(10);
    private final ObjectProperty<DatasetFormat> format = new SimpleObjectProperty<>(DatasetFormat.ALPACA_JSONL);
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun;

    public BriefExperienceViewModel(WorkspaceState workspace, UiJobRunner jobs, DialogService dialogs,
            Supplier<SentenceEmbedder> embedder, String version) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.embedder = embedder;
        this.version = version;
        canRun = Bindings.isNotNull(workspace.selectedDatasetProperty()).and(running.not());
    }

    /** k of the k-means over instruction embeddings (the paper: 100). */
    public IntegerProperty clustersProperty() {
        return clusters;
    }

    /** Samples taken from each cluster's middle perplexity band (the paper: 10). */
    public IntegerProperty perClusterProperty() {
        return perCluster;
    }

    public ObjectProperty<DatasetFormat> formatProperty() {
        return format;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** What the last run wrote, or why it stopped. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Asks for the scoring model's folder and the target file, then samples the selected dataset. */
    public void run() {
        Optional<ProjectStore> store = workspace.store();
        Optional<Dataset> dataset = workspace.selectedDataset();
        if (!canRun.get() || store.isEmpty() || dataset.isEmpty()) {
            return;
        }
        Optional<Path> model = dialogs.chooseFolder(
                "Choose the model whose perplexity ranks the prompts (model.onnx, tokenizer.json)");
        if (model.isEmpty()) {
            return;
        }
        String extension = format.get() == DatasetFormat.ALPACA_JSON ? ".json" : ".jsonl";
        Optional<Path> target = dialogs.chooseFileToSave("Write the brief-experience subset",
                dataset.get().name() + "-brief" + extension,
                List.of(new FileType(format.get().label(), List.of("*" + extension)), FileType.ANY));
        if (target.isEmpty()) {
            return;
        }
        BriefExperienceSpec spec;
        try {
            spec = new BriefExperienceSpec(dataset.get().id(), format.get(), target.get(), clusters.get(),
                    perCluster.get(), 25, 75, 0, PromptTemplate.ALPACA);
        } catch (IllegalArgumentException e) {
            dialogs.showError("Brief-experience sample", e.getMessage());
            return;
        }
        running.set(true);
        status.set("Sampling for brief experience…");
        jobs.run(job(spec, store.get(), model.get()), JobCallbacks.<BriefExperienceSummary>onSuccess(s -> status.set(
                        String.format(Locale.ROOT, "Run %d: picked %,d of %,d samples from %d clusters into %s.",
                                s.runId(), s.picked(), s.samples(), s.clusters(), s.file().getFileName())))
                .onFailure(reason -> {
                    status.set("Brief-experience sampling failed.");
                    dialogs.showError("Brief-experience sampling failed", reason);
                })
                .onCancelled(() -> status.set("Brief-experience sampling cancelled; no file was written."))
                .onFinished(() -> running.set(false)));
    }

    /** Opens the model and the sentence model on the job's thread, samples, and closes the model. */
    private Job<BriefExperienceSummary> job(BriefExperienceSpec spec, ProjectStore store, Path folder) {
        return new Job<>() {
            @Override
            public String title() {
                return "Brief-experience sample with " + folder.getFileName();
            }

            @Override
            public BriefExperienceSummary run(JobContext context) throws Exception {
                context.message("Opening the model");
                try (OnnxCausalLm lm = OnnxCausalLm.open(folder)) {
                    return new BriefExperienceJob(spec, store, lm, embedder.get(), version).run(context);
                }
            }
        };
    }

    public void dispose() {
        canRun.dispose();
    }
}
