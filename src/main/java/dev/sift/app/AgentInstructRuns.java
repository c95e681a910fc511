package dev.sift.app;

import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.job.Job;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.AgentInstructJob;
import dev.sift.core.pipeline.AgentInstructSetup;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.pipeline.AgentInstructSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the workbench and the command line start and resume AgentInstruct runs, one path for both: {@link #create}
 * checks a configuration against the project and the skills, creates the output dataset and stores the run (with the
 * text of its skills); {@link #job} returns the job that, on its own thread, opens the IFD scorer when the run has
 * one, builds every agent's client with the call cache bound to the run and the run's budget, and runs the recipe.
 */
public final class AgentInstructRuns {

    private static final RecipeRuns<AgentInstructSpec> RUNS = new RecipeRuns<>(AgentInstructSpec.RECIPE,
            "AgentInstruct", AgentInstructSpec::fromJson, AgentInstructSpec::budgetUsd);

    /** AgentInstruct among the {@link Recipes resumable recipes}. */
    public static final ResumableRecipe RECIPE = RUNS.resumable(AgentInstructRuns::job);

    /** The folder next to a project file whose {@code *.json} skill files every run of the project can use. */
    public static final String PROJECT_SKILLS = "skills";

    private AgentInstructRuns() {}

    /**
     * The skill folders of a project: {@code skills/} beside the project file, then {@code extra} when given (its
     * files win over the project's, which win over the built-ins).
     */
    public static List<Path> skillFolders(ProjectStore store, Optional<Path> extra) {
        List<Path> out = new ArrayList<>();
        Path parent = store.file().toAbsolutePath().getParent();
        if (parent != null) {
            out.add(parent.resolve(PROJECT_SKILLS));
        }
        extra.ifPresent(out::add);
        return out;
    }

    /** The skills a project's runs can use, with {@code extra} as an additional folder. */
    public static SkillLibrary skills(ProjectStore store, Optional<Path> extra) {
        return SkillLibrary.load(skillFolders(store, extra));
    }

    /**
     * Stores a queued run of {@code spec} and its empty output dataset.
     *
     * @throws IllegalArgumentException naming the field when the configuration does not fit the project
     * @throws dev.sift.core.agentinstruct.SkillException when a skill file is not valid
     */
    public static Run create(ProjectStore store, AgentInstructSpec spec, SkillLibrary skills) throws StoreException {
        return AgentInstructJob.createRun(store, spec, skills);
    }

    /**
     * The stored configuration of an AgentInstruct run.
     *
     * @throws IllegalArgumentException when there is no such run or it is of another recipe
     */
    public static AgentInstructSpec specOf(ProjectStore store, long runId) throws StoreException {
        return RUNS.specOf(store, runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end. The budget is the run's own cap; what this job
     * spends is added to {@code meter}.
     */
    public static Job<AgentInstructSummary> job(ProjectStore store, long runId, Supplier<LlmAccess> llm,
            CacheMode cache, CostMeter meter) {
        return RUNS.job(store, runId, llm, cache, meter, (spec, clients, scorers, context) -> {
            Optional<CausalLmScorer> ifd = Optional.empty();
            if (spec.ifdScorer().isPresent()) {
                context.message("Opening the IFD scorer");
                ifd = Optional.of(scorers.openForRun(runId, s -> s.open(spec.ifdScorer().get(), "ifdScorer")));
            }
            return new AgentInstructJob(runId, store, new AgentInstructSetup(clients::forAgent, ifd)).run(context);
        });
    }
}
