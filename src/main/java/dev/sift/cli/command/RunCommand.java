package dev.sift.cli.command;

import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostEstimate;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.model.Agent;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.GenerateResponsesJob;
import dev.sift.core.pipeline.GenerateResponsesSpec;
import dev.sift.core.pipeline.RunSummary;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift run <recipe>}: recipes run over a dataset, saved item by item, resumable. */
@Command(name = "run", description = "Run a recipe over a dataset.", subcommands = {RunCommand.Generate.class, StarAgentsRunCommand.class,
    ReflectionRunCommand.class, AgentInstructRunCommand.class})
final class RunCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", description = {
        "Answer every sample of a dataset with an agent; each answer is saved as a candidate at once.",
        "Prints an estimate of calls, tokens and cost first. Ctrl-C stops cleanly; --resume RUN continues",
        "a run without repaying the calls it completed (they come from the call log)."})
    static final class Generate extends ProjectCommand {

        @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|ID", description = "The dataset (not with --resume).")
        String dataset;

        @Option(names = "--agent", required = true, paramLabel = "NAME", description = "The agent that answers.")
        String agentName;

        @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run.")
        Long resume;

        @Option(names = "--budget", paramLabel = "MONEY", description = "Stop cleanly before spending more than this.")
        Double budget;

        @Option(names = "--expected-output", defaultValue = "256", paramLabel = "TOKENS",
                description = "Output tokens per call for the estimate when the agent sets no max_tokens (default ${DEFAULT-VALUE}).")
        int expectedOutput;

        @Option(names = "--estimate", description = "Only print the estimate.")
        boolean estimateOnly;

        @Option(names = "--no-cache", description = "Always call the model, even for a request answered before.")
        boolean noCache;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the run (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--concurrency", paramLabel = "N",
                description = "Samples in flight at once (default: the endpoint's concurrency limit, summed over a group).")
        Integer concurrency;

        @Override
        int run(ProjectStore store) throws Exception {
            Agent agent = store.agents().findByName(agentName).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "No agent '" + agentName + "'"));
            Run run = resume != null ? existingRun(store, resume) : null;
            long datasetId = run != null ? run.datasetId() : dataset(store, required(dataset)).id();
            var spec = new GenerateResponsesSpec(agent.model(), agent.systemPrompt(),
                    ChatParametersJson.fromJson(agent.parametersJson()), 0);
            CostEstimate estimate = estimate(store, agent, spec, datasetId);
            printEstimate(estimate);
            if (estimateOnly) {
                return ExitCodes.OK;
            }
            OptionalDouble cap = budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget);
            long runId = run != null ? run.id() : GenerateResponsesJob.createRun(store, datasetId, spec, seed, cap).id();
            var meter = new CostMeter();
            LlmClient client = env().context().llm().forAgent(store, agent, runId,
                    noCache ? CacheMode.OFF : CacheMode.ON, new Budget(cap, OptionalLong.empty(), meter));
            CliJobs.Outcome<RunSummary> outcome = jobs(() -> costLine(meter))
                    .run(new GenerateResponsesJob(runId, store, client, concurrency(store, agent)));
            if (!outcome.ok()) {
                env().err().println("sift run generate: " + outcome.failure() + " (resume with --resume " + runId + ")");
                return outcome.exitCode();
            }
            report(store, outcome.value(), meter);
            return ExitCodes.OK;
        }

        /** --concurrency, else what the agent's endpoint (or its group together) allows. */
        private int concurrency(ProjectStore store, Agent agent) throws Exception {
            if (concurrency != null) {
                if (concurrency < 1) {
                    throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
                }
                return concurrency;
            }
            List<Endpoint> endpoints = agent.endpointId() != 0
                    ? store.endpoints().find(agent.endpointId()).map(List::of).orElse(List.of())
                    : store.endpoints().listGroup(agent.endpointGroup());
            return Math.max(1, endpoints.stream().mapToInt(Endpoint::maxConcurrency).sum());
        }

        private String required(String value) {
            if (value == null) {
                throw new ParameterException(spec.commandLine(), "Missing --dataset (or --resume RUN)");
            }
            return value;
        }

        private Run existingRun(ProjectStore store, long id) throws StoreException {
            Run run = store.runs().find(id).orElseThrow(() -> new ParameterException(spec.commandLine(), "No run " + id));
            if (!GenerateResponsesSpec.RECIPE.equals(run.recipe())) {
                throw new ParameterException(spec.commandLine(), "Run " + id + " is a " + run.recipe() + " run");
            }
            return run;
        }

        private CostEstimate estimate(ProjectStore store, Agent agent, GenerateResponsesSpec spec, long datasetId)
                throws StoreException {
            Endpoint endpoint = agent.endpointId() != 0
                    ? store.endpoints().find(agent.endpointId()).orElseThrow()
                    : store.endpoints().listGroup(agent.endpointGroup()).get(0);
            return GenerateResponsesJob.estimate(store, datasetId, spec, endpoint, expectedOutput);
        }

        private void printEstimate(CostEstimate e) {
            if (json) {
                printResult(env().json().createObjectNode().put("kind", "estimate").put("calls", e.calls())
                        .put("promptTokens", e.promptTokens()).put("completionTokens", e.completionTokens())
                        .put("cost", e.cost()));
            } else {
                env().err().printf(Locale.ROOT, "Estimate: %,d calls, ~%,d prompt + ~%,d completion tokens, ~%.4f%s%n",
                        e.calls(), e.promptTokens(), e.completionTokens(), e.cost(),
                        budget == null ? "" : String.format(Locale.ROOT, " (budget %.4f)", budget));
            }
        }

        private static String costLine(CostMeter meter) {
            CostMeter.Totals t = meter.total();
            return String.format(Locale.ROOT, "%,d tokens  %.4f spent", t.tokens(), t.cost());
        }

        private void report(ProjectStore store, RunSummary s, CostMeter meter) throws StoreException {
            Run run = store.runs().find(s.runId()).orElseThrow();
            if (json) {
                printResult(env().json().createObjectNode().put("kind", "run").put("run", s.runId())
                        .put("status", s.status().id()).put("total", s.total()).put("alreadyDone", s.alreadyDone())
                        .put("generated", s.generated()).put("failed", s.failed()).put("stopReason", s.stopReason())
                        .put("cost", run.costUsd()).put("tokensIn", run.tokensIn()).put("tokensOut", run.tokensOut()));
                return;
            }
            env().out().printf(Locale.ROOT, "Run %d %s: %,d generated, %,d failed, %,d already done of %,d; spent %.4f"
                    + " this time (%,d tokens), %.4f in all%n", s.runId(), s.status().id(), s.generated(), s.failed(),
                    s.alreadyDone(), s.total(), meter.total().cost(), meter.total().tokens(), run.costUsd());
            if (!s.stopReason().isEmpty()) {
                env().out().println("Stopped: " + s.stopReason() + " (continue with --resume " + s.runId() + ")");
            } else if (s.failed() > 0) {
                env().out().println("Failed samples are asked again with --resume " + s.runId());
            }
        }
    }
}
