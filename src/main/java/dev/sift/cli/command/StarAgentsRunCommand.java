package dev.sift.cli.command;

import dev.sift.app.StarAgentsRuns;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.pipeline.StarAgentsSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift run star-agents}: the Star-Agents recipe from a JSON configuration, resumable. */
@Command(name = "star-agents", description = {
    "Star-Agents (multi-agent rewriting, dual-model IFD, judge, evolving pair weights) from a JSON configuration.",
    "Every candidate, score, decision and the weights of every round are saved as they come; Ctrl-C stops cleanly",
    "and --resume RUN continues without repaying calls. See docs/star-agents.md for the fields and defaults."})
final class StarAgentsRunCommand extends ProjectCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "The run's configuration (JSON); not with --resume.")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run with its stored configuration.")
    Long resume;

    @Option(names = "--no-cache", description = "Always call the models, even for a request answered before.")
    boolean noCache;

    @Override
    int run(ProjectStore store) throws Exception {
        long runId;
        if (resume != null) {
            try {
                StarAgentsRuns.specOf(store, resume);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            runId = resume;
        } else {
            if (config == null) {
                throw new ParameterException(spec.commandLine(), "Missing --config FILE (or --resume RUN)");
            }
            StarAgentsSpec starSpec = read(config);
            runId = StarAgentsRuns.create(store, dataset(store, starSpec.dataset()).id(), starSpec).id();
        }
        var meter = new CostMeter();
        var job = StarAgentsRuns.job(store, runId, () -> env().context().llm(), noCache ? CacheMode.OFF : CacheMode.ON,
                meter);
        CliJobs.Outcome<StarAgentsSummary> outcome = jobs(() -> String.format(Locale.ROOT, "%,d tokens  %.4f spent",
                meter.total().tokens(), meter.total().cost())).run(job);
        if (!outcome.ok()) {
            env().err().println("sift run star-agents: " + outcome.failure() + " (resume with: sift runs resume "
                    + runId + ")");
            return outcome.exitCode();
        }
        report(store, outcome.value(), meter);
        return ExitCodes.OK;
    }

    private StarAgentsSpec read(Path file) {
        try {
            return StarAgentsSpec.fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void report(ProjectStore store, StarAgentsSummary s, CostMeter meter) throws Exception {
        Run run = store.runs().find(s.runId()).orElseThrow();
        if (json) {
            var result = env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                    .put("status", s.status().id()).put("roundsDone", s.roundsDone()).put("rounds", s.rounds())
                    .put("decided", s.decided()).put("seeds", s.seeds()).put("entropy", s.entropy())
                    .put("stopReason", s.stopReason()).put("cost", run.costUsd()).put("tokensIn", run.tokensIn())
                    .put("tokensOut", run.tokensOut());
            var w = result.putObject("weights");
            s.weights().forEach(w::put);
            printResult(result);
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d %s: %d of %d rounds, %,d of %,d seeds decided; entropy %.4f; spent %.4f"
                + " this time (%,d tokens), %.4f in all%n", s.runId(), s.status().id(), s.roundsDone(), s.rounds(),
                s.decided(), s.seeds(), s.entropy(), meter.total().cost(), meter.total().tokens(), run.costUsd());
        new java.util.TreeMap<>(s.weights()).forEach((name, p) -> env().out().printf(Locale.ROOT, "  %-24s %.4f%n",
                name, p));
        if (!s.stopReason().isEmpty()) {
            env().out().println("Stopped: " + s.stopReason() + " (continue with: sift runs resume " + s.runId() + ")");
        }
    }
}
