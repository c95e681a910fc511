package dev.sift.cli.command;

import dev.sift.app.ReflectionRuns;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.pipeline.ReflectionSummary;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift run reflection}: Selective Reflection-Tuning from a JSON configuration, resumable. */
@Command(name = "reflection", description = {
    "Selective Reflection-Tuning (teacher reflection on instruction and response, student IFD and r-IFD selection)",
    "from a JSON configuration. Every reflection, score and decision is saved as it comes; Ctrl-C stops cleanly and",
    "--resume RUN continues without repaying calls. See docs/reflection.md for the fields and defaults."})
final class ReflectionRunCommand extends ProjectCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "The run's configuration (JSON); not with --resume.")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run with its stored configuration.")
    Long resume;

    @Option(names = "--no-cache", description = "Always call the teacher, even for a request answered before.")
    boolean noCache;

    @Override
    int run(ProjectStore store) throws Exception {
        long runId;
        if (resume != null) {
            try {
                ReflectionRuns.specOf(store, resume);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            runId = resume;
        } else {
            if (config == null) {
                throw new ParameterException(spec.commandLine(), "Missing --config FILE (or --resume RUN)");
            }
            ReflectionSpec reflection = read(config);
            runId = ReflectionRuns.create(store, dataset(store, reflection.dataset()).id(), reflection).id();
        }
        var meter = new CostMeter();
        var job = ReflectionRuns.job(store, runId, () -> env().context().llm(), noCache ? CacheMode.OFF : CacheMode.ON,
                meter);
        CliJobs.Outcome<ReflectionSummary> outcome = jobs(() -> String.format(Locale.ROOT, "%,d tokens  %.4f spent",
                meter.total().tokens(), meter.total().cost())).run(job);
        if (!outcome.ok()) {
            env().err().println("sift run reflection: " + outcome.failure() + " (resume with: sift runs resume "
                    + runId + ")");
            return outcome.exitCode();
        }
        report(store, outcome.value(), meter);
        return ExitCodes.OK;
    }

    private ReflectionSpec read(Path file) {
        try {
            return ReflectionSpec.fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void report(ProjectStore store, ReflectionSummary s, CostMeter meter) throws Exception {
        Run run = store.runs().find(s.runId()).orElseThrow();
        if (json) {
            var result = env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                    .put("status", s.status().id()).put("decided", s.decided()).put("samples", s.samples())
                    .put("kept", s.kept()).put("stopReason", s.stopReason()).put("cost", run.costUsd())
                    .put("tokensIn", run.tokensIn()).put("tokensOut", run.tokensOut());
            var branches = result.putObject("branches");
            for (ReflectionBranch b : ReflectionBranch.values()) {
                branches.put(b.text(), s.branches().getOrDefault(b, 0));
            }
            printResult(result);
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d %s: %,d of %,d samples decided, %,d kept; spent %.4f this time (%,d "
                + "tokens), %.4f in all%n", s.runId(), s.status().id(), s.decided(), s.samples(), s.kept(),
                meter.total().cost(), meter.total().tokens(), run.costUsd());
        for (ReflectionBranch b : ReflectionBranch.values()) {
            env().out().printf(Locale.ROOT, "  %-16s %,d%n", b.text(), s.branches().getOrDefault(b, 0));
        }
        if (!s.stopReason().isEmpty()) {
            env().out().println("Stopped: " + s.stopReason() + " (continue with: sift runs resume " + s.runId() + ")");
        }
    }
}
