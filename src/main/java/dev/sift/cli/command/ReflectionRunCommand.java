package dev.sift.cli.command;

import dev.sift.app.ReflectionRuns;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.pipeline.ReflectionSummary;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sift run reflection}: Selective Reflection-Tuning from a JSON configuration, resumable. */
@Command(name = "reflection", description = {
    "Selective Reflection-Tuning (teacher reflection on instruction and response, student IFD and r-IFD selection)",
    "from a JSON configuration. Every reflection, score and decision is saved as it comes; Ctrl-C stops cleanly and",
    "--resume RUN continues without repaying calls. See docs/reflection.md for the fields and defaults."})
final class ReflectionRunCommand extends RecipeRunCommand<ReflectionSpec, ReflectionSummary> {

    @Option(names = "--no-cache", description = "Always call the teacher, even for a request answered before.")
    boolean noCache;

    ReflectionRunCommand() {
        super(ReflectionRuns::specOf, ReflectionSpec::fromJson, ReflectionRuns::job);
    }

    @Override
    boolean noCache() {
        return noCache;
    }

    @Override
    long create(ProjectStore store, ReflectionSpec reflection) throws Exception {
        return ReflectionRuns.create(store, dataset(store, reflection.dataset()).id(), reflection).id();
    }

    @Override
    void report(ProjectStore store, ReflectionSummary s, CostMeter meter) throws Exception {
        Run run = store.runs().find(s.runId()).orElseThrow();
        if (json) {
            var result = putSpent(env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                    .put("status", s.status().id()).put("decided", s.decided()).put("samples", s.samples())
                    .put("kept", s.kept()).put("stopReason", s.stopReason()), run);
            var branches = result.putObject("branches");
            for (ReflectionBranch b : ReflectionBranch.values()) {
                branches.put(b.text(), s.branches().getOrDefault(b, 0));
            }
            printResult(result);
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d %s: %,d of %,d samples decided, %,d kept; %s%n", s.runId(),
                s.status().id(), s.decided(), s.samples(), s.kept(), spent(meter, run));
        for (ReflectionBranch b : ReflectionBranch.values()) {
            env().out().printf(Locale.ROOT, "  %-16s %,d%n", b.text(), s.branches().getOrDefault(b, 0));
        }
        printStopped(s.runId(), s.stopReason());
    }
}
