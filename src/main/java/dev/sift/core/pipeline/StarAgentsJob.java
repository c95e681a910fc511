package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.Parallel;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Sample;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Star-Agents recipe (ALGORITHMS.md §1): rounds over mini-batches of the seed dataset (round t takes the next
 * {@code batchSize} samples in id order); per seed, K pairs drawn by the current probabilities, rewrite, respond,
 * dual-model evaluation, and the best candidate (the original included) recorded as the sample's decision; at the end
 * of each round the bounded weight update, recorded in the run's weight history with a {@code weights} run event
 * carrying the entropy, wins and draws.
 *
 * <p><b>Resume and reproducibility.</b> The configuration is read from the run. The weights of finished rounds are
 * read back from the store (round 0 is the uniform start), seeds already decided in the run are skipped, a seed
 * redone after a crash reuses its saved candidates, and every draw comes from a random stream derived from (seed,
 * round, sample id), so a resumed run ends exactly where an uninterrupted one does. Wins and draws of a round are
 * counted from the stored candidates and decisions when it closes. Give the clients a call cache bound to the run so
 * an answer paid for just before a crash is not paid again.
 *
 * <p><b>Failures.</b> A failed call leaves its seed undecided ({@code item_failed} event); a round with undecided
 * seeds does not close, and the run ends {@link RunStatus#STOPPED} so a resume retries them first. A call refused by
 * a budget cap or breaker stops the run too; cancellation ends it {@link RunStatus#CANCELLED}.
 */
public final class StarAgentsJob implements Job<StarAgentsSummary> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long runId;
    private final ProjectStore store;
    private final StarAgentsSetup setup;
    private final StarAgentsStages stages = new StarAgentsStages();
    private final RecordedRun recorded;

    /** @param setup the clients and scorers of the run's agents, pairs and scorers */
    public StarAgentsJob(long runId, ProjectStore store, StarAgentsSetup setup) {
        this.runId = runId;
        this.store = store;
        this.setup = setup;
        this.recorded = new RecordedRun(store, runId);
    }

    /** Creates a queued run of this recipe over a dataset. */
    public static Run createRun(ProjectStore store, long datasetId, StarAgentsSpec spec) throws StoreException {
        return store.runs().create(new NewRun(StarAgentsSpec.RECIPE, datasetId, spec.toConfigJson(), spec.seed(),
                spec.budgetUsd()));
    }

    @Override
    public String title() {
        return "Star-Agents (run " + runId + ")";
    }

    @Override
    public StarAgentsSummary run(JobContext context) throws Exception {
        Run run = recorded.load(StarAgentsSpec.RECIPE, "a star-agents run over a dataset");
        StarAgentsSpec spec = StarAgentsSpec.fromJson(run.configJson(), "run " + runId);
        StarAgentsSetup.Resolved resolved = setup.resolve(store, spec);
        long[] ids = store.samples().ids(SampleQuery.dataset(run.datasetId()));
        int rounds = spec.rounds() > 0 ? spec.rounds() : (ids.length + spec.batchSize() - 1) / spec.batchSize();
        if ((long) rounds * spec.batchSize() > ids.length + spec.batchSize() - 1L) {
            throw new IllegalArgumentException("run " + runId + ": field 'rounds' " + rounds + " × 'batchSize' "
                    + spec.batchSize() + " needs more seeds than the dataset's " + ids.length);
        }
        int seeds = Math.min(ids.length, rounds * spec.batchSize());
        List<RoundWeights> recordedWeights = store.runs().weights(runId);
        Set<Long> decided = decidedSamples();
        var done = new AtomicInteger((int) Arrays.stream(ids, 0, seeds).filter(decided::contains).count());
        recorded.start(!recordedWeights.isEmpty(), done + " of " + seeds + " seeds decided, "
                + Math.max(0, recordedWeights.size() - 1) + " of " + rounds + " rounds done");
        return recorded.guard(() -> {
            List<RoundWeights> history = recordedWeights.isEmpty() ? List.of(record(resolved, 0,
                    StarAgentsWeights.uniform(resolved.pairs().keySet()), Map.of(), Map.of())) : recordedWeights;
            Map<Long, Double> weights = history.get(history.size() - 1).weights();
            requireSamePairs(weights, resolved);
            int round = history.get(history.size() - 1).round();
            recorded.progress(context, done.get(), seeds);
            String stop = "";
            while (stop.isEmpty() && round < rounds) {
                int r = round + 1;
                long[] batch = Arrays.copyOfRange(ids, (r - 1) * spec.batchSize(), Math.min(seeds, r * spec.batchSize()));
                stop = runRound(context, resolved, r, batch, decided, weights, done, seeds);
                if (stop.isEmpty()) {
                    weights = closeRound(resolved, r, weights, batch);
                    round = r;
                }
            }
            RunStatus status = recorded.conclude(stop, done + " seeds decided in " + rounds + " rounds");
            Map<String, Double> byName = new LinkedHashMap<>();
            weights.forEach((id, p) -> byName.put(resolved.pairs().get(id).name(), p));
            return new StarAgentsSummary(runId, status, round, rounds, done.get(), seeds, byName,
                    StarAgentsWeights.entropy(weights), stop);
        }, () -> "cancelled after " + done + " seeds");
    }

    /** Works through a round's undecided seeds; returns why the run must stop, or "" when every seed is decided. */
    private String runRound(JobContext context, StarAgentsSetup.Resolved resolved, int round, long[] batch,
            Set<Long> decided, Map<Long, Double> weights, AtomicInteger done, int seeds) throws Exception {
        context.checkCancelled();
        long[] pending = Arrays.stream(batch).filter(id -> !decided.contains(id)).toArray();
        List<Sample> samples = store.samples().fetch(pending, 0, pending.length);
        var failures = new ItemFailures(store, runId);
        var work = new StarAgentsSeed(store, runId, resolved.spec(), resolved.pairs(), resolved.evaluator(), stages);
        context.message("round " + round + ": " + samples.size() + " seeds");
        Parallel.forEach(samples, resolved.spec().concurrency(), context, sample -> {
            if (failures.refused()) {
                return;
            }
            try {
                StarAgentsSeed.Outcome outcome = work.process(round, sample, weights);
                decided.add(sample.id());
                recorded.progress(context, done.incrementAndGet(), seeds);
                context.message(stages.line(round));
                context.publish(new JobEvent.ItemDone(context.jobId(), Instant.now(), "sample " + sample.id(),
                        outcome.reason()));
            } catch (LlmException e) {
                failures.record(context, "sample " + sample.id(), "{\"sample_id\":" + sample.id() + ",\"round\":"
                        + round + "}", e);
            }
        });
        return failures.stop("seeds of round " + round);
    }

    /** Counts the round's wins and draws from the store, updates, records and returns the new weights. */
    private Map<Long, Double> closeRound(StarAgentsSetup.Resolved resolved, int round, Map<Long, Double> weights,
            long[] batch) throws StoreException {
        Set<Long> inBatch = new HashSet<>();
        Arrays.stream(batch).forEach(inBatch::add);
        Map<Long, Integer> draws = new java.util.TreeMap<>();
        Map<Long, Long> pairOfCandidate = new java.util.HashMap<>();
        for (var c : store.candidates().listByRun(runId)) {
            if (c.agentPairId() != 0 && inBatch.contains(c.sampleId()) && c.round().orElse(-1) == round) {
                draws.merge(c.agentPairId(), 1, Integer::sum);
                pairOfCandidate.put(c.id(), c.agentPairId());
            }
        }
        Map<Long, Integer> wins = new java.util.TreeMap<>();
        for (var d : store.decisions().listByRun(runId)) {
            Long pair = pairOfCandidate.get(d.candidateId());
            if (pair != null && d.undoneAt().isEmpty()) {
                wins.merge(pair, 1, Integer::sum);
            }
        }
        var spec = resolved.spec();
        Map<Long, Double> next = StarAgentsWeights.update(weights, wins, draws, spec.beta(), spec.pMin());
        return record(resolved, round, next, wins, draws).weights();
    }

    private RoundWeights record(StarAgentsSetup.Resolved resolved, int round, Map<Long, Double> weights,
            Map<Long, Integer> wins, Map<Long, Integer> draws) throws StoreException {
        var rw = new RoundWeights(round, weights);
        store.runs().recordWeights(runId, rw);
        double entropy = StarAgentsWeights.entropy(weights);
        ObjectNode data = JSON.createObjectNode().put("round", round).put("entropy", entropy);
        ObjectNode byName = data.putObject("weights");
        ObjectNode w = data.putObject("wins");
        ObjectNode d = data.putObject("draws");
        StringBuilder text = new StringBuilder();
        for (var e : rw.weights().entrySet()) {
            String name = resolved.pairs().get(e.getKey()).name();
            byName.put(name, e.getValue());
            w.put(name, wins.getOrDefault(e.getKey(), 0));
            d.put(name, draws.getOrDefault(e.getKey(), 0));
            text.append(String.format(java.util.Locale.ROOT, " %s=%.4f", name, e.getValue()));
        }
        store.runs().appendEvent(runId, "weights", String.format(java.util.Locale.ROOT, "round %d:%s, entropy %.4f",
                round, text, entropy), data.toString());
        return rw;
    }

    private void requireSamePairs(Map<Long, Double> weights, StarAgentsSetup.Resolved resolved) throws StoreException {
        if (!weights.keySet().equals(resolved.pairs().keySet())) {
            throw new StoreException("run " + runId + ": its recorded weights are for other agent pairs than "
                    + "its configuration names");
        }
    }

    private Set<Long> decidedSamples() throws StoreException {
        Set<Long> out = ConcurrentHashMap.newKeySet();
        store.decisions().listByRun(runId).forEach(d -> out.add(d.sampleId()));
        return out;
    }
}
