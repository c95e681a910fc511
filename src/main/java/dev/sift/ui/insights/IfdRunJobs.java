package dev.sift.ui.insights;

import dev.sift.app.LlmAccess;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.EndpointScorer;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.ScoreIfdJob;
import dev.sift.core.pipeline.ScoreIfdSpec;
import dev.sift.core.pipeline.ScoreIfdSummary;
import dev.sift.core.pipeline.SelectJob;
import dev.sift.core.pipeline.SelectSpec;
import dev.sift.core.pipeline.SelectSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The workbench's IFD runs as jobs: each creates its run and does all slow work (opening the model, asking an
 * endpoint for its window) on the job's thread, so the UI thread never waits. Scoring resumes: samples scored before
 * with the same model and settings are skipped.
 */
final class IfdRunJobs {

    private IfdRunJobs() {}

    /** Opens the model in {@code folder}, scores the dataset with it, and closes the model. */
    static Job<ScoreIfdSummary> score(ProjectStore store, long datasetId, Path folder, IfdMode mode,
            PromptTemplate template) {
        return new Job<>() {
            @Override
            public String title() {
                return "Score IFD with " + folder.getFileName();
            }

            @Override
            public ScoreIfdSummary run(JobContext context) throws Exception {
                context.message("Opening the model");
                try (OnnxCausalLm lm = OnnxCausalLm.open(folder)) {
                    return scoreWith(store, datasetId, lm, folder.toString(), mode, template, context);
                }
            }
        };
    }

    /** Scores the dataset with {@code model} served by {@code endpoint} (vLLM), through the engine. */
    static Job<ScoreIfdSummary> scoreOnEndpoint(ProjectStore store, long datasetId, Endpoint endpoint, String model,
            Supplier<LlmAccess> llm, IfdMode mode, PromptTemplate template) {
        return new Job<>() {
            @Override
            public String title() {
                return "Score IFD with endpoint " + endpoint.name() + "/" + model;
            }

            @Override
            public ScoreIfdSummary run(JobContext context) throws Exception {
                context.message("Asking " + endpoint.name() + " for the model's window");
                var scorer = new EndpointScorer(llm.get().forScoring(store, endpoint), endpoint.name(), model);
                return scoreWith(store, datasetId, scorer, scorer.name(), mode, template, context);
            }
        };
    }

    private static ScoreIfdSummary scoreWith(ProjectStore store, long datasetId, CausalLmScorer scorer,
            String modelRecord, IfdMode mode, PromptTemplate template, JobContext context) throws Exception {
        IfdOptions options = mode.options();
        if (template != null) {
            options = options.withTemplate(template);
        }
        options = options.withMaxLength(Math.min(options.maxLength(), scorer.maxLength()));
        var spec = new ScoreIfdSpec(modelRecord, mode.id(), options);
        long runId = ScoreIfdJob.createRun(store, datasetId, spec).id();
        return new ScoreIfdJob(runId, store, scorer).run(context);
    }

    /** Selects by the IFD scores of one group and records the decisions. */
    static Job<SelectSummary> select(ProjectStore store, long datasetId, SelectSpec spec) {
        return new Job<>() {
            @Override
            public String title() {
                return "Select by IFD (" + spec.method().name().toLowerCase(java.util.Locale.ROOT) + ")";
            }

            @Override
            public SelectSummary run(JobContext context) throws Exception {
                long runId = SelectJob.createRun(store, datasetId, spec).id();
                return new SelectJob(runId, store, null).run(context);
            }
        };
    }
}
