package dev.sift.cli.command;

import dev.sift.app.StarAgentsRuns;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.pipeline.StarAgentsSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.util.Locale;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sift run star-agents}: the Star-Agents recipe from a JSON configuration, resumable. */
@Command(name = "star-agents", description = {
    "Star-Agents (multi-agent rewriting, dual-model IFD, judge, evolving pair weights) from a JSON configuration.",
    "Every candidate, score, decision and the weights of every round are saved as they come; Ctrl-C stops cleanly",
    "and --resume RUN continues without repaying calls. See docs/star-agents.md for the fields and defaults."})
final class StarAgentsRunCommand extends RecipeRunCommand<StarAgentsSpec, StarAgentsSummary> {

    @Option(names = "--no-cache", description = "Always call the models, even for a request answered before.")
    boolean noCache;

    StarAgentsRunCommand() {
        super(StarAgentsRuns::specOf, StarAgentsSpec::fromJson, StarAgentsRuns::job);
    }

    @Override
    boolean noCache() {
        return noCache;
    }

    @Override
    long create(ProjectStore store, StarAgentsSpec starSpec) throws Exception {
        return StarAgentsRuns.create(store, dataset(store, starSpec.dataset()).id(), starSpec).id();
    }

    @Override
    void report(ProjectStore store, StarAgentsSummary s, CostMeter meter) throws Exception {
        Run run = store.runs().find(s.runId()).orElseThrow();
        if (json) {
            var result = putSpent(env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                    .put("status", s.status().id()).put("roundsDone", s.roundsDone()).put("rounds", s.rounds())
                    .put("decided", s.decided()).put("seeds", s.seeds()).put("entropy", s.entropy())
                    .put("stopReason", s.stopReason()), run);
            var w = result.putObject("weights");
            s.weights().forEach(w::put);
            printResult(result);
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d %s: %d of %d rounds, %,d of %,d seeds decided; entropy %.4f; %s%n",
                s.runId(), s.status().id(), s.roundsDone(), s.rounds(), s.decided(), s.seeds(), s.entropy(),
                spent(meter, run));
        new TreeMap<>(s.weights()).forEach((name, p) -> env().out().printf(Locale.ROOT, "  %-24s %.4f%n", name, p));
        printStopped(s.runId(), s.stopReason());
    }
}
