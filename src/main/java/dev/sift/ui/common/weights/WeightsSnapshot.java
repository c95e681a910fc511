package dev.sift.ui.common.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.AgentPair;
import dev.sift.core.pipeline.StarAgentsWeights;
import dev.sift.core.store.LlmCall;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the weights chart shows of one Star-Agents run, read at one moment: each pair's probability per round
 * (round 0 = the initial uniform weights), the entropy per round, wins and draws per pair from the run's
 * {@code weights} events, and calls, tokens and cost per model from the run's call log.
 *
 * @param totalRounds the rounds the run is configured for, 0 when unknown
 */
public record WeightsSnapshot(Run run, int totalRounds, List<PairSeries> series, List<RoundValue> entropy,
        List<PairWins> wins, List<ModelUsage> usage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A round and a value in it. */
    public record RoundValue(int round, double value) {}

    /** One pair's probability per round, by round ascending. */
    public record PairSeries(String pair, List<RoundValue> points) {}

    /** How often a pair's candidate won (became the decision) out of how many it drew, over all rounds. */
    public record PairWins(String pair, int wins, int draws) {}

    /** Calls, tokens and cost of one model in the run (cached answers cost nothing). */
    public record ModelUsage(String model, int calls, long tokensIn, long tokensOut, double costUsd) {}

    /** The last round recorded, 0 when only the initial weights (or nothing) are. */
    public int lastRound() {
        return entropy.isEmpty() ? 0 : entropy.get(entropy.size() - 1).round();
    }

    /** Reads the run's weights, events and call log. */
    public static WeightsSnapshot read(ProjectStore store, long runId) throws StoreException {
        return read(store, runId, null);
    }

    /**
     * Reads the run again after {@code previous} (may be null). The call log is read again only when a round was
     * recorded or the status changed since, so a refresh every few seconds does not re-read every logged call; the
     * run's own token and cost totals are always current.
     */
    public static WeightsSnapshot read(ProjectStore store, long runId, WeightsSnapshot previous)
            throws StoreException {
        Run run = store.runs().find(runId).orElseThrow(() -> new StoreException("No run " + runId));
        Map<Long, String> names = new TreeMap<>();
        for (AgentPair pair : store.agents().listPairs()) {
            names.put(pair.id(), pair.name());
        }
        Map<String, List<RoundValue>> byPair = new LinkedHashMap<>();
        List<RoundValue> entropy = new ArrayList<>();
        for (RoundWeights w : store.runs().weights(runId)) {
            w.weights().forEach((id, p) -> byPair.computeIfAbsent(names.getOrDefault(id, "#" + id),
                    n -> new ArrayList<>()).add(new RoundValue(w.round(), p)));
            entropy.add(new RoundValue(w.round(), StarAgentsWeights.entropy(w.weights())));
        }
        List<PairSeries> series = new ArrayList<>();
        byPair.forEach((pair, points) -> series.add(new PairSeries(pair, List.copyOf(points))));
        boolean sameRound = previous != null && previous.run().id() == runId
                && previous.run().status() == run.status() && previous.entropy().size() == entropy.size();
        return new WeightsSnapshot(run, totalRounds(run), List.copyOf(series), List.copyOf(entropy),
                wins(store, runId, byPair.keySet()), sameRound ? previous.usage() : usage(store, runId));
    }

    /** The configured rounds; 0 in the configuration means "cover the seeds once", i.e. seeds / batch size. */
    static int totalRounds(Run run) {
        try {
            JsonNode config = JSON.readTree(run.configJson());
            int rounds = config.path("rounds").asInt(0);
            int batch = config.path("batchSize").asInt(8);
            if (rounds > 0) {
                return rounds;
            }
            return batch > 0 ? (int) ((run.totalItems() + batch - 1) / batch) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Wins and draws per pair, the last {@code weights} event of each round counting (a resumed round replaces). */
    private static List<PairWins> wins(ProjectStore store, long runId, Iterable<String> pairs) throws StoreException {
        Map<Integer, JsonNode> byRound = new TreeMap<>();
        long after = 0;
        List<RunEvent> page;
        do {
            page = store.runs().events(runId, after, 1000);
            for (RunEvent e : page) {
                after = e.id();
                if (e.kind().equals("weights") && !e.dataJson().isEmpty()) {
                    try {
                        JsonNode data = JSON.readTree(e.dataJson());
                        byRound.put(data.path("round").asInt(-1), data);
                    } catch (IOException bad) {
                        throw new StoreException("run " + runId + ": event " + e.id() + " has data that is not JSON");
                    }
                }
            }
        } while (page.size() == 1000);
        List<PairWins> out = new ArrayList<>();
        for (String pair : pairs) {
            int wins = 0;
            int draws = 0;
            for (JsonNode data : byRound.values()) {
                wins += data.path("wins").path(pair).asInt(0);
                draws += data.path("draws").path(pair).asInt(0);
            }
            out.add(new PairWins(pair, wins, draws));
        }
        return List.copyOf(out);
    }

    private static List<ModelUsage> usage(ProjectStore store, long runId) throws StoreException {
        Map<String, ModelUsage> byModel = new TreeMap<>();
        for (LlmCall call : store.llmCalls().listByRun(runId)) {
            byModel.merge(call.model(), new ModelUsage(call.model(), 1, call.tokensIn(), call.tokensOut(),
                    call.costUsd()), (a, b) -> new ModelUsage(a.model(), a.calls() + b.calls(),
                            a.tokensIn() + b.tokensIn(), a.tokensOut() + b.tokensOut(), a.costUsd() + b.costUsd()));
        }
        return List.copyOf(byModel.values());
    }
}
