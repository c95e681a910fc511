package dev.sift.app;

import dev.sift.core.job.Job;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.store.ProjectStore;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A recipe whose stored runs the workbench and {@code sift runs resume} can start and continue by run id alone: the
 * run row holds the whole configuration, so one factory serves a first start and every resume.
 *
 * @param recipe the recipe id stored with each run ({@code runs.recipe}); also the name of its {@code sift run}
 *     subcommand, which takes {@code --resume RUN}
 * @param title the recipe's name on screen, e.g. "Star-Agents"
 * @param jobs makes the job that runs (or resumes) a run to its end
 */
public record ResumableRecipe(String recipe, String title, JobFactory jobs) {

    public ResumableRecipe {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(jobs, "jobs");
    }

    /** The job of one stored run; {@code meter} is told what it spends, {@code llm} asked for on the job's thread. */
    public Job<?> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache, CostMeter meter) {
        return jobs.job(store, runId, llm, cache, meter);
    }

    /** Makes the job of one stored run. */
    @FunctionalInterface
    public interface JobFactory {
        Job<?> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache, CostMeter meter);
    }
}
