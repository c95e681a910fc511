package dev.sift.app;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.model.Agent;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the runs of every resumable recipe share, whatever the recipe: a run's stored configuration, read back and
 * checked against the recipe, and the job that on its own thread reads it, caps the run's spending with its budget,
 * builds the agents' clients with the call cache bound to the run, keeps the scorers the recipe opens and closes them
 * at the end. Each recipe's {@code *Runs} class holds one and adds only what its recipe opens and runs.
 *
 * @param <S> the recipe's configuration
 */
final class RecipeRuns<S> {

    /** Reads a recipe's configuration from its JSON; {@code source} names it in errors. */
    @FunctionalInterface
    interface SpecParser<S> {
        S fromJson(String json, String source);
    }

    /** The client of each agent of one run: the call cache bound to the run, the run's budget. */
    @FunctionalInterface
    interface RunClients {
        LlmClient forAgent(Agent agent) throws Exception;
    }

    /** What one recipe does with a run once its configuration is read: opens its scorers, then runs to the end. */
    @FunctionalInterface
    interface Start<S, R> {
        R run(S spec, RunClients clients, RunScorers scorers, JobContext context) throws Exception;
    }

    private final String recipe;
    private final String title;
    private final SpecParser<S> parser;
    private final Function<S, OptionalDouble> budgetUsd;

    /**
     * @param recipe the recipe id stored with each run
     * @param title the recipe's name on screen and in job titles, e.g. "Star-Agents"
     * @param parser reads the configuration stored with a run
     * @param budgetUsd a configuration's spending cap
     */
    RecipeRuns(String recipe, String title, SpecParser<S> parser, Function<S, OptionalDouble> budgetUsd) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.title = Objects.requireNonNull(title, "title");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.budgetUsd = Objects.requireNonNull(budgetUsd, "budgetUsd");
    }

    /** The recipe among the {@link Recipes resumable recipes}, its runs made by {@code jobs}. */
    ResumableRecipe resumable(ResumableRecipe.JobFactory jobs) {
        return new ResumableRecipe(recipe, title, jobs);
    }

    /**
     * The stored configuration of a run of this recipe.
     *
     * @throws IllegalArgumentException when there is no such run or it is of another recipe
     */
    S specOf(ProjectStore store, long runId) throws StoreException {
        Run run = store.runs().find(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        if (!recipe.equals(run.recipe())) {
            throw new IllegalArgumentException("Run " + runId + " is a " + run.recipe() + " run");
        }
        return parser.fromJson(run.configJson(), "run " + runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end with {@code start}. The budget is the run's own cap;
     * what this job spends is added to {@code meter}.
     *
     * @param llm how agents and endpoint scorers are reached; asked for on the job's thread
     */
    <R> Job<R> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache, CostMeter meter,
            Start<S, R> start) {
        return new Job<>() {
            @Override
            public String title() {
                return title + " (run " + runId + ")";
            }

            @Override
            public R run(JobContext context) throws Exception {
                S spec = specOf(store, runId);
                var budget = new Budget(budgetUsd.apply(spec), OptionalLong.empty(), meter);
                try (var scorers = new RunScorers(store, llm)) {
                    return start.run(spec, agent -> llm.get().forAgent(store, agent, runId, cache, budget), scorers,
                            context);
                }
            }
        };
    }
}
