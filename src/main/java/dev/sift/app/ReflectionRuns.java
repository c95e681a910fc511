package dev.sift.app;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.ReflectionJob;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.pipeline.ReflectionSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How the workbench and the command line start and resume Selective Reflection-Tuning runs, one path for both:
 * {@link #create} stores a new run of a configuration, {@link #job} returns the job that, on its own thread, opens the
 * student scorer, builds the teacher's client with the call cache bound to the run and the run's budget, runs the
 * recipe and closes the scorer. A resume is the same job for an existing run.
 */
public final class ReflectionRuns {

    /** Selective Reflection-Tuning among the {@link Recipes resumable recipes}. */
    public static final ResumableRecipe RECIPE = new ResumableRecipe(ReflectionSpec.RECIPE, "Reflection",
            ReflectionRuns::job);

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
        Run run = store.runs().find(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        if (!ReflectionSpec.RECIPE.equals(run.recipe())) {
            throw new IllegalArgumentException("Run " + runId + " is a " + run.recipe() + " run");
        }
        return ReflectionSpec.fromJson(run.configJson(), "run " + runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end. The budget is the run's own cap; what this job
     * spends is added to {@code meter}.
     *
     * @param llm how the teacher and an endpoint student are reached; asked for on the job's thread
     */
    public static Job<ReflectionSummary> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache,
            CostMeter meter) {
        return new Job<>() {
            @Override
            public String title() {
                return "Reflection (run " + runId + ")";
            }

            @Override
            public ReflectionSummary run(JobContext context) throws Exception {
                ReflectionSpec spec = specOf(store, runId);
                var budget = new Budget(spec.budgetUsd(), OptionalLong.empty(), meter);
                try (var scorers = new RunScorers(store, llm)) {
                    context.message("Opening the student");
                    CausalLmScorer student;
                    try {
                        student = scorers.open(spec.student(), "student");
                    } catch (JobCancelledException e) {
                        throw e;
                    } catch (Exception e) {
                        RunScorers.failBeforeStart(store, runId, e);
                        throw e;
                    }
                    return new ReflectionJob(runId, store, agent -> llm.get().forAgent(store, agent, runId, cache,
                            budget), student).run(context);
                }
            }
        };
    }
}
