package dev.sift.cli.command;

import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.EndpointScorer;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.pipeline.StarAgentsJob;
import dev.sift.core.pipeline.StarAgentsSetup;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.pipeline.StarAgentsSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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
        Run run;
        StarAgentsSpec starSpec;
        if (resume != null) {
            run = store.runs().find(resume).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "No run " + resume));
            if (!StarAgentsSpec.RECIPE.equals(run.recipe())) {
                throw new ParameterException(spec.commandLine(), "Run " + resume + " is a " + run.recipe() + " run");
            }
            starSpec = StarAgentsSpec.fromJson(run.configJson(), "run " + resume);
        } else {
            if (config == null) {
                throw new ParameterException(spec.commandLine(), "Missing --config FILE (or --resume RUN)");
            }
            starSpec = read(config);
            run = StarAgentsJob.createRun(store, dataset(store, starSpec.dataset()).id(), starSpec);
        }
        var meter = new CostMeter();
        var budget = new Budget(starSpec.budgetUsd(), OptionalLong.empty(), meter);
        long runId = run.id();
        Map<String, CausalLmScorer> opened = new HashMap<>();
        try {
            CausalLmScorer small = scorer(store, starSpec.small(), opened, "smallScorer");
            CausalLmScorer large = scorer(store, starSpec.large(), opened, "largeScorer");
            var setup = new StarAgentsSetup(agent -> env().context().llm().forAgent(store, agent, runId,
                    noCache ? CacheMode.OFF : CacheMode.ON, budget), small, large);
            CliJobs.Outcome<StarAgentsSummary> outcome = jobs(() -> String.format(Locale.ROOT, "%,d tokens  %.4f spent",
                    meter.total().tokens(), meter.total().cost())).run(new StarAgentsJob(runId, store, setup));
            if (!outcome.ok()) {
                env().err().println("sift run star-agents: " + outcome.failure() + " (resume with: sift runs resume "
                        + runId + ")");
                return outcome.exitCode();
            }
            report(store, outcome.value(), meter);
            return ExitCodes.OK;
        } finally {
            opened.values().forEach(s -> {
                if (s instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // closing a model folder cannot lose data
                    }
                }
            });
        }
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

    /** Opens a scorer; a model folder named for both scorers is opened once. */
    private CausalLmScorer scorer(ProjectStore store, StarAgentsSpec.ScorerRef ref, Map<String, CausalLmScorer> opened,
            String field) throws Exception {
        if (ref.isLocal()) {
            CausalLmScorer lm = opened.get(ref.modelDir());
            if (lm == null) {
                try {
                    lm = OnnxCausalLm.open(Path.of(ref.modelDir()));
                } catch (IOException | RuntimeException e) {
                    throw new ParameterException(spec.commandLine(), "field '" + field + ".model': cannot open "
                            + ref.modelDir() + ": " + e.getMessage());
                }
                opened.put(ref.modelDir(), lm);
            }
            return lm;
        }
        Endpoint endpoint = store.endpoints().findByName(ref.endpoint()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "field '" + field + ".endpoint': no endpoint '" + ref.endpoint() + "'"));
        if (endpoint.kind() != EndpointKind.OPENAI) {
            throw new ParameterException(spec.commandLine(), "field '" + field + ".endpoint': '" + ref.endpoint()
                    + "' is an in-process model; give its folder as 'model' instead");
        }
        return new EndpointScorer(env().context().llm().forScoring(store, endpoint), ref.endpoint(), ref.model());
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
