package dev.sift.cli.command;

import dev.sift.app.AgentInstructRuns;
import dev.sift.core.agentinstruct.SkillException;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.pipeline.AgentInstructSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sift run agentinstruct}: AgentInstruct over a seed collection from a JSON configuration, resumable. */
@Command(name = "agentinstruct", description = {
    "AgentInstruct (content transformation, seed instructions from each skill's taxonomy, suggester-editor",
    "refinement, responder) over a seed collection, from a JSON configuration. Every pair is added to a new dataset",
    "with its provenance as it comes; Ctrl-C stops cleanly and --resume RUN continues without repaying calls.",
    "Skills: the built-in ones, the project's skills/ folder and --skills DIR. See docs/agentinstruct.md."})
final class AgentInstructRunCommand extends RecipeRunCommand<AgentInstructSpec, AgentInstructSummary> {

    @Option(names = "--skills", paramLabel = "DIR",
            description = "A folder of skill files (*.json) to use besides the built-in and project ones.")
    Path skills;

    @Option(names = "--no-cache", description = "Always call the models, even for a request answered before.")
    boolean noCache;

    AgentInstructRunCommand() {
        super(AgentInstructRuns::specOf, AgentInstructSpec::fromJson, AgentInstructRuns::job);
    }

    @Override
    boolean noCache() {
        return noCache;
    }

    @Override
    long create(ProjectStore store, AgentInstructSpec read) throws Exception {
        try {
            return AgentInstructRuns.create(store, read, AgentInstructRuns.skills(store, Optional.ofNullable(skills)))
                    .id();
        } catch (IllegalArgumentException e) {
            throw usage(e instanceof SkillException ? e.getMessage() : config + ": " + e.getMessage());
        }
    }

    @Override
    void report(ProjectStore store, AgentInstructSummary s, CostMeter meter) throws Exception {
        Run run = store.runs().find(s.runId()).orElseThrow();
        String dataset = store.datasets().find(s.datasetId()).map(d -> d.name()).orElse("#" + s.datasetId());
        if (json) {
            printResult(putSpent(env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                    .put("status", s.status().id()).put("dataset", dataset).put("datasetId", s.datasetId())
                    .put("pairs", s.pairs()).put("instructionsDone", s.slotsDone()).put("instructions", s.slots())
                    .put("flows", s.stages()).put("stopReason", s.stopReason()), run));
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d %s: %,d pairs in dataset %s; %,d of %,d instructions done; %s%n",
                s.runId(), s.status().id(), s.pairs(), dataset, s.slotsDone(), s.slots(), spent(meter, run));
        env().out().println("  " + s.stages());
        printStopped(s.runId(), s.stopReason());
    }
}
