package dev.sift.ui.common.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.pipeline.StarAgentsWeights;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.NewLlmCall;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A Star-Agents run written into a project through the store API, as the job writes it: two pairs ("plain" and
 * "rewrite"), weights per round with a {@code weights} event carrying entropy, weights, wins and draws by pair name.
 */
public final class StarAgentsRunFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectStore store;
    private final long runId;
    private final AgentPair plain;
    private final AgentPair rewrite;

    private StarAgentsRunFixture(ProjectStore store, long runId, AgentPair plain, AgentPair rewrite) {
        this.store = store;
        this.runId = runId;
        this.plain = plain;
        this.rewrite = rewrite;
    }

    /** Creates the agents, pairs and a running run of {@code rounds} rounds on {@code datasetId}, with round 0. */
    public static StarAgentsRunFixture create(ProjectStore store, long datasetId, int rounds) throws StoreException {
        Endpoint e = store.endpoints().add(Endpoint.openAi("local", "http://127.0.0.1:9/v1", ""));
        Agent rewriter = store.agents().add(new Agent(0, "rewriter", e.id(), "", "big-model",
                AgentRole.INSTRUCTION_REWRITER, "", "{}"));
        Agent responder = store.agents().add(new Agent(0, "responder", e.id(), "", "small-model", AgentRole.RESPONDER,
                "", "{}"));
        Agent responder2 = store.agents().add(new Agent(0, "responder2", e.id(), "", "small-model",
                AgentRole.RESPONDER, "", "{}"));
        AgentPair plain = store.agents().addPair(new AgentPair(0, "plain", rewriter.id(), responder.id()));
        AgentPair rewrite = store.agents().addPair(new AgentPair(0, "rewrite", rewriter.id(), responder2.id()));
        long runId = store.runs().create(new NewRun(StarAgentsSpec.RECIPE, datasetId,
                "{\"rounds\":" + rounds + ",\"batchSize\":2}", 7, OptionalDouble.empty())).id();
        store.runs().setStatus(runId, RunStatus.RUNNING, "");
        var fixture = new StarAgentsRunFixture(store, runId, plain, rewrite);
        fixture.round(0, 0.5, 0, 0, 0, 0);
        return fixture;
    }

    /** The fixture's run in a project opened again. */
    public static StarAgentsRunFixture attach(ProjectStore store, long runId) throws StoreException {
        return new StarAgentsRunFixture(store, runId, store.agents().findPairByName("plain").orElseThrow(),
                store.agents().findPairByName("rewrite").orElseThrow());
    }

    public long runId() {
        return runId;
    }

    /** Records a round: the probability of "rewrite" (plain gets the rest) and both pairs' wins and draws. */
    public void round(int round, double rewriteP, int plainWins, int plainDraws, int rewriteWins, int rewriteDraws)
            throws StoreException {
        Map<Long, Double> weights = Map.of(plain.id(), 1 - rewriteP, rewrite.id(), rewriteP);
        store.runs().recordWeights(runId, new RoundWeights(round, weights));
        double entropy = StarAgentsWeights.entropy(weights);
        ObjectNode data = JSON.createObjectNode().put("round", round).put("entropy", entropy);
        Map<String, double[]> byName = new LinkedHashMap<>();
        byName.put("plain", new double[] {1 - rewriteP, plainWins, plainDraws});
        byName.put("rewrite", new double[] {rewriteP, rewriteWins, rewriteDraws});
        ObjectNode w = data.putObject("weights");
        ObjectNode wins = data.putObject("wins");
        ObjectNode draws = data.putObject("draws");
        byName.forEach((name, v) -> {
            w.put(name, v[0]);
            wins.put(name, (int) v[1]);
            draws.put(name, (int) v[2]);
        });
        store.runs().appendEvent(runId, "weights", String.format(Locale.ROOT, "round %d, entropy %.4f", round,
                entropy), data.toString());
    }

    /** Logs one call of {@code model} for the run. */
    public void call(String model, int n, long tokensIn, long tokensOut, double cost) throws StoreException {
        String hash = String.format(Locale.ROOT, "%064x", (long) n);
        store.llmCalls().record(new NewLlmCall(hash, runId, 0, model, "{}", "{}", LlmCallStatus.OK,
                OptionalInt.of(200), 5, tokensIn, tokensOut, cost, ""));
    }

    public void finish() throws StoreException {
        store.runs().setStatus(runId, RunStatus.SUCCEEDED, "");
    }
}
