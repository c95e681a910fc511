package dev.sift.cli.command;

import dev.sift.app.AgentInstructRuns;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.agentinstruct.SkillException;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.pipeline.AgentInstructSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift run agentinstruct}: AgentInstruct over a seed collection from a JSON configuration, resumable. */
@Command(name = "agentinstruct", description = {
    "AgentInstruct (content transformation, seed instructions from each skill's taxonomy, suggester-editor",
    "refinement, responder) over a seed collection, from a JSON configuration. Every pair is added to a new dataset",
    "with its provenance as it comes; Ctrl-C stops cleanly and --resume RUN continues without repaying calls.",
    "Skills: the built-in ones, the project's skills/ folder and --skills DIR. See docs/agentinstruct.md."})
final class AgentInstructRunCommand extends ProjectCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "The run's configuration (JSON); not with --resume.")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run with its stored configuration.")
    Long resume;

    @Option(names = "--skills", paramLabel = "DIR",
            description = "A folder of skill files (*.json) to use besides the built-in and project ones.")
    Path skills;

    @Option(names = "--no-cache", description = "Always call the models, even for a request answered before.")
    boolean noCache;

    @Override
    int run(ProjectStore store) throws Exception {
        long runId;
        if (resume != null) {
            try {
                AgentInstructRuns.specOf(store, resume);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            runId = resume;
        } else {
            if (config == null) {
                throw new ParameterException(spec.commandLine(), "Missing --config FILE (or --resume RUN)");
            }
            AgentInstructSpec read = read(config);
            try {
                runId = AgentInstructRuns.create(store, read, AgentInstructRuns.skills(store,
                        Optional.ofNullable(skills))).id();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e instanceof SkillException ? e.getMessage()
                        : config + ": " + e.getMessage());
            }
        }
        var meter = new CostMeter();
        var job = AgentInstructRuns.job(store, runId, () -> env().context().llm(),
                noCache ? CacheMode.OFF : CacheMode.ON, meter);
        CliJobs.Outcome<AgentInstructSummary> outcome = jobs(() -> String.format(Locale.ROOT,
                "%,d tokens  %.4f spent", meter.total().tokens(), meter.total().cost())).run(job);
        if (!outcome.ok()) {
            env().err().println("sift run agentinstruct: " + outcome.failure() + " (resume with: sift runs resume "
                    + runId + ")");
            return outcome.exitCode();
        }
        report(store, outcome.value(), meter);
        return ExitCodes.OK;
    }

    private AgentInstructSpec read(Path file) {
        try {
            return AgentInstructSpec.fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void report(ProjectStore store, AgentInstructSummary s, CostMeter meter) throws Exception {
        Run run = store.runs().find(s.runId()).orElseThrow();
        String dataset = store.datasets().find(s.datasetId()).map(d -> d.name()).orElse("#" + s.datasetId());
        if (json) {
            printResult(env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                    .put("status", s.status().id()).put("dataset", dataset).put("datasetId", s.datasetId())
                    .put("pairs", s.pairs()).put("instructionsDone", s.slotsDone()).put("instructions", s.slots())
                    .put("flows", s.stages()).put("stopReason", s.stopReason()).put("cost", run.costUsd())
                    .put("tokensIn", run.tokensIn()).put("tokensOut", run.tokensOut()));
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d %s: %,d pairs in dataset %s; %,d of %,d instructions done; spent %.4f"
                + " this time (%,d tokens), %.4f in all%n", s.runId(), s.status().id(), s.pairs(), dataset,
                s.slotsDone(), s.slots(), meter.total().cost(), meter.total().tokens(), run.costUsd());
        env().out().println("  " + s.stages());
        if (!s.stopReason().isEmpty()) {
            env().out().println("Stopped: " + s.stopReason() + " (continue with: sift runs resume " + s.runId() + ")");
        }
    }
}
