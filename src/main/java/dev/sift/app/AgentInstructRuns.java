package dev.sift.app;

import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
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
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How the workbench and the command line start and resume AgentInstruct runs, one path for both: {@link #create}
 * checks a configuration against the project and the skills, creates the output dataset and stores the run (with the
 * text of its skills); {@link #job} returns the job that, on its own thread, opens the IFD scorer when the run has
 * one, builds every agent's client with the call cache bound to the run and the run's budget, and runs the recipe.
 */
public final class AgentInstructRuns {

    /** AgentInstruct among the {@link Recipes resumable recipes}. */
    public static final ResumableRecipe RECIPE = new ResumableRecipe(AgentInstructSpec.RECIPE, "AgentInstruct",
            AgentInstructRuns::job);

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
        Run run = store.runs().find(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        if (!AgentInstructSpec.RECIPE.equals(run.recipe())) {
            throw new IllegalArgumentException("Run " + runId + " is a " + run.recipe() + " run");
        }
        return AgentInstructSpec.fromJson(run.configJson(), "run " + runId);
    }

    /**
     * The job that runs (or resumes) run {@code runId} to its end. The budget is the run's own cap; what this job
     * spends is added to {@code meter}.
     */
    public static Job<AgentInstructSummary> job(ProjectStore store, long runId, Supplier<LlmAccess> llm,
            CacheMode cache, CostMeter meter) {
        return new Job<>() {
            @Override
            public String title() {
                return "AgentInstruct (run " + runId + ")";
            }

            @Override
            public AgentInstructSummary run(JobContext context) throws Exception {
                AgentInstructSpec spec = specOf(store, runId);
                var budget = new Budget(spec.budgetUsd(), OptionalLong.empty(), meter);
                try (var scorers = new RunScorers(store, llm)) {
                    Optional<CausalLmScorer> ifd = Optional.empty();
                    if (spec.ifdScorer().isPresent()) {
                        context.message("Opening the IFD scorer");
                        try {
                            ifd = Optional.of(scorers.open(spec.ifdScorer().get(), "ifdScorer"));
                        } catch (JobCancelledException e) {
                            throw e;
                        } catch (Exception e) {
                            RunScorers.failBeforeStart(store, runId, e);
                            throw e;
                        }
                    }
                    var setup = new AgentInstructSetup(agent -> llm.get().forAgent(store, agent, runId, cache, budget),
                            ifd);
                    return new AgentInstructJob(runId, store, setup).run(context);
                }
            }
        };
    }
}
