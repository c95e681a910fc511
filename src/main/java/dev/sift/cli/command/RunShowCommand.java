package dev.sift.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.ExitCodes;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.pipeline.StarAgentsWeights;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.store.LlmCall;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code sift runs show RUN}: one run's configuration, status, cost, and for Star-Agents its weights and wins. */
@Command(name = "show", description = {"Show a run: configuration, status, tokens and cost (in all and per model);",
    "for a Star-Agents run also each pair's probability per round with the entropy, and wins and draws per pair;",
    "for an AgentInstruct run its pairs per skill and instruction type, and per number of refinement rounds."})
final class RunShowCommand extends ProjectCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    long runId;

    @Override
    int run(ProjectStore store) throws Exception {
        Run run = store.runs().find(runId).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "No run " + runId + "; see 'sift runs list'"));
        List<RoundWeights> weights = store.runs().weights(runId);
        List<String> pairs = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        if (!weights.isEmpty()) {
            for (long id : weights.get(0).weights().keySet()) {
                String name = store.agents().findPair(id).map(AgentPair::name).orElse("#" + id);
                names.put(id, name);
                pairs.add(name);
            }
        }
        Map<String, int[]> winsDraws = winsAndDraws(store, pairs);
        Map<String, Usage> byModel = usageByModel(store);
        JudgeSummary judged = judged(store, run);
        Map<String, Integer> branches = branches(store, run);
        if (json) {
            printJson(store, run, weights, names, winsDraws, byModel, judged, branches);
            return ExitCodes.OK;
        }
        var out = env().out();
        String dataset = store.datasets().find(run.datasetId()).map(Dataset::name).orElse("-");
        out.printf(Locale.ROOT, "Run %d  %s  dataset %s  %s%s%n", run.id(), run.recipe(), dataset, run.status().id(),
                run.error().isEmpty() ? "" : " (" + run.error() + ")");
        out.printf(Locale.ROOT, "Created %s%s%s%n", run.createdAt(), run.startedAt().map(t -> ", started " + t)
                .orElse(""), run.finishedAt().map(t -> ", finished " + t).orElse(""));
        out.printf(Locale.ROOT, "Progress %,d/%,d; tokens %,d in, %,d out; cost %.4f%s%n", run.doneItems(),
                run.totalItems(), run.tokensIn(), run.tokensOut(), run.costUsd(),
                run.budgetUsd().isPresent() ? String.format(Locale.ROOT, " of budget %.4f", run.budgetUsd().getAsDouble())
                        : "");
        out.println("Config: " + AgentInstructShow.config(run));
        if (!byModel.isEmpty()) {
            out.printf(Locale.ROOT, "%n%-24s %7s %7s %12s %12s %10s%n", "MODEL", "CALLS", "CACHED", "TOKENS IN",
                    "TOKENS OUT", "COST");
            byModel.forEach((m, u) -> out.printf(Locale.ROOT, "%-24s %7d %7d %,12d %,12d %10.4f%n", m, u.calls,
                    u.cached, u.tokensIn, u.tokensOut, u.cost));
        }
        if (!branches.isEmpty()) {
            out.printf(Locale.ROOT, "%n%-16s %8s%n", "BRANCH", "SAMPLES");
            branches.forEach((b, n) -> out.printf(Locale.ROOT, "%-16s %8d%n", b, n));
        }
        AgentInstructShow.print(store, run, out);
        if (weights.isEmpty()) {
            return ExitCodes.OK;
        }
        out.println();
        out.println("Pair probabilities by round:");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-6s", "ROUND"));
        pairs.forEach(p -> header.append(String.format(Locale.ROOT, " %12s", p)));
        out.println(header.append(String.format(Locale.ROOT, " %10s", "ENTROPY")));
        for (RoundWeights w : weights) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d", w.round()));
            names.keySet().forEach(id -> row.append(String.format(Locale.ROOT, " %12.4f",
                    w.weights().getOrDefault(id, Double.NaN))));
            out.println(row.append(String.format(Locale.ROOT, " %10.4f", StarAgentsWeights.entropy(w.weights()))));
        }
        out.println();
        out.printf(Locale.ROOT, "%-24s %6s %6s%n", "PAIR", "WINS", "DRAWS");
        winsDraws.forEach((p, wd) -> out.printf(Locale.ROOT, "%-24s %6d %6d%n", p, wd[0], wd[1]));
        if (judged.rated() + judged.unparsed() > 0) {
            out.printf(Locale.ROOT, "%nJudge: %d rated, %d unparsed; mean rating %.2f; correlation of rating with"
                    + " response length %s (a length bias shows as a high positive value)%n", judged.rated(),
                    judged.unparsed(), judged.mean(), Double.isNaN(judged.lengthCorrelation()) ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", judged.lengthCorrelation()));
        }
        return ExitCodes.OK;
    }

    /** A reflection run's samples per branch of the selection rule, in words; empty for other recipes. */
    private static Map<String, Integer> branches(ProjectStore store, Run run) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (ReflectionSpec.RECIPE.equals(run.recipe())) {
            ReflectionBranches.count(store, run.id()).forEach((b, n) -> out.put(b.text(), n));
        }
        return out;
    }

    /** What the judge said of the run's candidates: ratings, unparsed replies, and the length bias check. */
    private record JudgeSummary(int rated, int unparsed, double mean, double lengthCorrelation) {}

    private JudgeSummary judged(ProjectStore store, Run run) throws Exception {
        if (run.datasetId() == 0) {
            return new JudgeSummary(0, 0, Double.NaN, Double.NaN);
        }
        Map<Long, Integer> lengths = new java.util.HashMap<>();
        for (var c : store.candidates().listByRun(run.id())) {
            lengths.put(c.id(), c.response().codePointCount(0, c.response().length()));
        }
        List<Double> ratings = new ArrayList<>();
        List<Double> responseLengths = new ArrayList<>();
        int unparsed = 0;
        for (var group : store.scores().groups(run.datasetId(), "judge")) {
            for (var score : store.scores().list(run.datasetId(), "judge", group.scorer(), group.template())) {
                Integer length = lengths.get(score.candidateId());
                if (length == null) {
                    continue;
                }
                if (Double.isNaN(score.value())) {
                    unparsed++;
                } else {
                    ratings.add(score.value());
                    responseLengths.add(length.doubleValue());
                }
            }
        }
        double[] r = ratings.stream().mapToDouble(Double::doubleValue).toArray();
        double[] l = responseLengths.stream().mapToDouble(Double::doubleValue).toArray();
        return new JudgeSummary(r.length, unparsed, java.util.Arrays.stream(r).average().orElse(Double.NaN),
                dev.sift.core.judge.JudgeBias.pearson(r, l));
    }

    /** Calls, tokens and cost of the run per model, from its call log. */
    private static final class Usage {
        int calls;
        int cached;
        long tokensIn;
        long tokensOut;
        double cost;
    }

    private Map<String, Usage> usageByModel(ProjectStore store) throws Exception {
        Map<String, Usage> out = new java.util.TreeMap<>();
        for (LlmCall call : store.llmCalls().listByRun(runId)) {
            Usage u = out.computeIfAbsent(call.model(), m -> new Usage());
            u.calls++;
            u.cached += call.status() == LlmCallStatus.CACHED ? 1 : 0;
            u.tokensIn += call.tokensIn();
            u.tokensOut += call.tokensOut();
            u.cost += call.costUsd();
        }
        return out;
    }

    /** Wins and draws per pair name, summed over the rounds' {@code weights} events. */
    private Map<String, int[]> winsAndDraws(ProjectStore store, List<String> pairs) throws Exception {
        Map<String, int[]> out = new LinkedHashMap<>();
        pairs.forEach(p -> out.put(p, new int[2]));
        long after = 0;
        List<RunEvent> page;
        do {
            page = store.runs().events(runId, after, 1000);
            for (RunEvent e : page) {
                after = e.id();
                if (e.kind().equals("weights") && !e.dataJson().isEmpty()) {
                    JsonNode data = JSON.readTree(e.dataJson());
                    out.forEach((p, wd) -> {
                        wd[0] += data.path("wins").path(p).asInt(0);
                        wd[1] += data.path("draws").path(p).asInt(0);
                    });
                }
            }
        } while (page.size() == 1000);
        return out;
    }

    private void printJson(ProjectStore store, Run run, List<RoundWeights> weights, Map<Long, String> names,
            Map<String, int[]> winsDraws, Map<String, Usage> byModel, JudgeSummary judged, Map<String, Integer> branches)
            throws Exception {
        ObjectNode result = env().json().createObjectNode().put("kind", "run").put("id", run.id())
                .put("recipe", run.recipe()).put("dataset", run.datasetId()).put("status", run.status().id())
                .put("done", run.doneItems()).put("total", run.totalItems()).put("tokensIn", run.tokensIn())
                .put("tokensOut", run.tokensOut()).put("cost", run.costUsd()).put("error", run.error());
        result.set("config", JSON.readTree(run.configJson()));
        var rounds = result.putArray("rounds");
        for (RoundWeights w : weights) {
            ObjectNode r = rounds.addObject().put("round", w.round()).put("entropy", StarAgentsWeights.entropy(w.weights()));
            ObjectNode p = r.putObject("weights");
            w.weights().forEach((id, value) -> p.put(names.getOrDefault(id, "#" + id), value));
        }
        ObjectNode pairs = result.putObject("pairs");
        winsDraws.forEach((p, wd) -> pairs.putObject(p).put("wins", wd[0]).put("draws", wd[1]));
        ObjectNode models = result.putObject("models");
        byModel.forEach((m, u) -> models.putObject(m).put("calls", u.calls).put("cached", u.cached)
                .put("tokensIn", u.tokensIn).put("tokensOut", u.tokensOut).put("cost", u.cost));
        ObjectNode judge = result.putObject("judge").put("rated", judged.rated()).put("unparsed", judged.unparsed());
        putNumber(judge, "meanRating", judged.mean());
        putNumber(judge, "lengthCorrelation", judged.lengthCorrelation());
        if (!branches.isEmpty()) {
            ObjectNode byBranch = result.putObject("branches");
            branches.forEach(byBranch::put);
        }
        AgentInstructShow.addJson(store, run, result);
        printResult(result);
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
