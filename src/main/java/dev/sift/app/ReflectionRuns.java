package dev.sift.app;

import dev.sift.core.job.Job;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.ReflectionJob;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.pipeline.ReflectionSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.function.Supplier;

/**
 * How the workbench and the command line start and resume Selective Reflection-Tuning runs, one path for both:
 * {@link #create} stores a new run of a configuration, {@link #job} returns the job that, on its own thread, opens the
 * student scorer, builds the teacher's client with the call cache bound to the run and the run's budget, runs the
 * recipe and closes the scorer. A resume is the same job for an existing run.
 */
public final class ReflectionRuns {

    private static final RecipeRuns<ReflectionSpec> RUNS = new RecipeRuns<>(ReflectionSpec.RECIPE, "Reflection",
            ReflectionSpec::fromJson, ReflectionSpec::budgetUsd);

    /** Selective Reflection-Tuning among the {@link Recipes resumable recipes}. */
    public static final ResumableRecipe RECIPE = RUNS.resumable(ReflectionRuns::job);

    private ReflectionRuns() {}

    /** Stores a queued run of {@code spec} over the dataset with id {@code datasetId}. */
    public static Run create(ProjectStore store, long datasetId, ReflectionSpec spec) throws StoreException {
        return ReflectionJob.createRun(store, datasetId, spec);
    }

    /**
     * The stored configuration of a reflection run.
     *
     * @throws IllegalArgumentException when there is no such run or it is of another recipe
     */
    public static ReflectionSpec specOf(ProjectStore store, long runId) throws StoreException {
        return RUNS.specOf(store, runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end. The budget is the run's own cap; what this job
     * spends is added to {@code meter}.
     *
     * @param llm how the teacher and an endpoint student are reached; asked for on the job's thread
     */
    public static Job<ReflectionSummary> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache,
            CostMeter meter) {
        return RUNS.job(store, runId, llm, cache, meter, (spec, clients, scorers, context) -> {
            context.message("Opening the student");
            CausalLmScorer student = scorers.openForRun(runId, s -> s.open(spec.student(), "student"));
            return new ReflectionJob(runId, store, clients::forAgent, student).run(context);
        });
    }
}
