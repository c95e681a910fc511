package dev.sift.app;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.StarAgentsJob;
import dev.sift.core.pipeline.StarAgentsSetup;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.pipeline.StarAgentsSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How the workbench and the command line start and resume Star-Agents runs, one path for both: {@link #create} stores
 * a new run of a configuration, {@link #job} returns the job that, on its own thread, opens the run's scorers (a
 * model folder named for both is opened once), builds every agent's client with the call cache bound to the run and
 * the run's budget, runs the recipe and closes the scorers. A resume is the same job for an existing run.
 */
public final class StarAgentsRuns {

    /** Star-Agents among the {@link Recipes resumable recipes}. */
    public static final ResumableRecipe RECIPE = new ResumableRecipe(StarAgentsSpec.RECIPE, "Star-Agents",
            StarAgentsRuns::job);

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
        Run run = store.runs().find(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        if (!StarAgentsSpec.RECIPE.equals(run.recipe())) {
            throw new IllegalArgumentException("Run " + runId + " is a " + run.recipe() + " run");
        }
        return StarAgentsSpec.fromJson(run.configJson(), "run " + runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end. The budget is the run's own cap; what this job
     * spends is added to {@code meter}.
     *
     * @param llm how agents and endpoint scorers are reached; asked for on the job's thread
     */
    public static Job<StarAgentsSummary> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache,
            CostMeter meter) {
        return new Job<>() {
            @Override
            public String title() {
                return "Star-Agents (run " + runId + ")";
            }

            @Override
            public StarAgentsSummary run(JobContext context) throws Exception {
                StarAgentsSpec spec = specOf(store, runId);
                var budget = new Budget(spec.budgetUsd(), OptionalLong.empty(), meter);
                try (var scorers = new RunScorers(store, llm)) {
                    context.message("Opening the scorers");
                    CausalLmScorer small;
                    CausalLmScorer large;
                    try {
                        small = scorers.open(spec.small(), "smallScorer");
                        large = scorers.open(spec.large(), "largeScorer");
                    } catch (JobCancelledException e) {
                        throw e;
                    } catch (Exception e) {
                        RunScorers.failBeforeStart(store, runId, e);
                        throw e;
                    }
                    var setup = new StarAgentsSetup(agent -> llm.get().forAgent(store, agent, runId, cache, budget),
                            small, large);
                    return new StarAgentsJob(runId, store, setup).run(context);
                }
            }
        };
    }
}
