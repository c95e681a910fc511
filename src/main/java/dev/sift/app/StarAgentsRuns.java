package dev.sift.app;

import dev.sift.core.job.Job;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.StarAgentsJob;
import dev.sift.core.pipeline.StarAgentsSetup;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.pipeline.StarAgentsSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.function.Supplier;

/**
 * How the workbench and the command line start and resume Star-Agents runs, one path for both: {@link #create} stores
 * a new run of a configuration, {@link #job} returns the job that, on its own thread, opens the run's scorers (a
 * model folder named for both is opened once), builds every agent's client with the call cache bound to the run and
 * the run's budget, runs the recipe and closes the scorers. A resume is the same job for an existing run.
 */
public final class StarAgentsRuns {

    private static final RecipeRuns<StarAgentsSpec> RUNS = new RecipeRuns<>(StarAgentsSpec.RECIPE, "Star-Agents",
            StarAgentsSpec::fromJson, StarAgentsSpec::budgetUsd);

    /** Star-Agents among the {@link Recipes resumable recipes}. */
    public static final ResumableRecipe RECIPE = RUNS.resumable(StarAgentsRuns::job);

    private StarAgentsRuns() {}

    /** Stores a queued run of {@code spec} over the dataset with id {@code datasetId}. */
    public static Run create(ProjectStore store, long datasetId, StarAgentsSpec spec) throws StoreException {
        return StarAgentsJob.createRun(store, datasetId, spec);
    }

    /**
     * The stored configuration of a Star-Agents run.
     *
     * @throws IllegalArgumentException when there is no such run or it is of another recipe
     */
    public static StarAgentsSpec specOf(ProjectStore store, long runId) throws StoreException {
        return RUNS.specOf(store, runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end. The budget is the run's own cap; what this job
     * spends is added to {@code meter}.
     *
     * @param llm how agents and endpoint scorers are reached; asked for on the job's thread
     */
    public static Job<StarAgentsSummary> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache,
            CostMeter meter) {
        return RUNS.job(store, runId, llm, cache, meter, (spec, clients, scorers, context) -> {
            context.message("Opening the scorers");
            var setup = scorers.openForRun(runId, s -> new StarAgentsSetup(clients::forAgent,
                    s.open(spec.small(), "smallScorer"), s.open(spec.large(), "largeScorer")));
            return new StarAgentsJob(runId, store, setup).run(context);
        });
    }
}
