package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.Decision;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Star-Agents on a scripted loopback endpoint with the tiny in-process model as both scorers: the pair whose
 * responder gives the low-IFD, well-judged answer gains weight, runs are reproducible, and a cancelled run resumes to
 * the same end state.
 */
class StarAgentsJobTest extends LoopbackJobTest<StarAgentsLoopback> {

    static final int SEEDS = StarAgentsLoopback.SEEDS;
    StarAgentsJobTest() {
        super(StarAgentsLoopback::new, StarAgentsLoopback::setUpProject);
    }

    static String config(Path model, long seed) {
        return "{\"dataset\":\"seed\",\"pairs\":[\"good\",\"weak\",\"direct\"],\"responseOnly\":[\"direct\"],"
                + "\"k\":2,\"batchSize\":4,\"rounds\":3,\"seed\":" + seed + ","
                + "\"smallScorer\":{\"model\":\"" + model.toString().replace("\\", "\\\\") + "\"},"
                + "\"largeScorer\":{\"model\":\"" + model.toString().replace("\\", "\\\\") + "\"},"
                + "\"ifd\":{\"template\":\"none\",\"directMode\":\"response_only\",\"maxLength\":64},"
                + "\"judge\":\"judge\"}";
    }

    long newRun(ProjectStore store, long seed) throws Exception {
        StarAgentsSpec spec = StarAgentsSpec.fromJson(config(tinyFolder, seed), "run.json");
        return StarAgentsJob.createRun(store, store.datasets().findByName("seed").orElseThrow().id(), spec).id();
    }

    StarAgentsJob job(ProjectStore store, long runId) throws Exception {
        return new StarAgentsJob(runId, store, new StarAgentsSetup(
                ScriptedChatLoopback.cachedClients(store, runId), tiny, tiny));
    }

    long pairId(ProjectStore store, String name) throws Exception {
        return store.agents().findPairByName(name).orElseThrow().id();
    }

    /** Sample id → the pair of the chosen candidate (0 for the original). */
    static Map<Long, Long> chosenPairs(ProjectStore store, long runId) throws Exception {
        Map<Long, Long> pairOf = new TreeMap<>();
        store.candidates().listByRun(runId).forEach(c -> pairOf.put(c.id(), c.agentPairId()));
        Map<Long, Long> out = new TreeMap<>();
        for (Decision d : store.decisions().listByRun(runId)) {
            out.put(d.sampleId(), d.candidateId() == 0 ? 0 : pairOf.get(d.candidateId()));
        }
        return out;
    }

    @Test
    void thePairThatMakesTheBetterDataGainsWeightAndTheEntropyFalls() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, 42);

        TestContext context = TestContext.running();
        StarAgentsSummary summary = job(store, runId).run(context);

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(summary.decided()).isEqualTo(SEEDS);
        // each stage's count as the job reported it last: every generated candidate was answered, and every candidate
        // (originals too) scored
        long generated = store.candidates().listByRun(runId).stream()
                .filter(c -> c.origin() == dev.sift.core.store.CandidateOrigin.GENERATED).count();
        assertThat(context.messages.get(context.messages.size() - 1)).matches("round 3 · rewritten \\d+ · answered "
                + generated + " · scored " + (generated + SEEDS) + " · judged \\d+");
        List<RoundWeights> history = store.runs().weights(runId);
        assertThat(history).extracting(RoundWeights::round).containsExactly(0, 1, 2, 3);
        long good = pairId(store, "good");
        assertThat(history.get(0).weights().values()).allSatisfy(p -> assertThat(p).isEqualTo(1.0 / 3));
        double[] entropy = history.stream().mapToDouble(w -> StarAgentsWeights.entropy(w.weights())).toArray();
        for (int r = 1; r < history.size(); r++) {
            assertThat(history.get(r).weights().get(good)).as("good's weight in round %d", r)
                    .isGreaterThan(history.get(r - 1).weights().get(good));
            assertThat(entropy[r]).as("entropy in round %d", r).isLessThan(entropy[r - 1]);
            assertThat(history.get(r).weights().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
        // every seed for which the good pair was drawn chose its candidate; the others kept the original
        for (Map.Entry<Long, Long> e : chosenPairs(store, runId).entrySet()) {
            boolean drawnGood = store.candidates().listBySample(e.getKey()).stream()
                    .anyMatch(c -> c.runId() == runId && c.agentPairId() == good);
            assertThat(e.getValue()).as("sample %d", e.getKey()).isEqualTo(drawnGood ? good : 0L);
        }
        // a kept original points at the run's stored copy of it, which the review shows
        for (Decision d : store.decisions().listByRun(runId)) {
            Candidate chosen = store.candidates().listBySample(d.sampleId()).stream()
                    .filter(c -> c.id() == d.candidateId()).findFirst().orElseThrow();
            assertThat(chosen.origin()).isIn(dev.sift.core.store.CandidateOrigin.ORIGINAL,
                    dev.sift.core.store.CandidateOrigin.GENERATED);
            assertThat(d.reason()).containsAnyOf("star score", "no candidate passed");
        }
        // K = 2 candidates and the original per seed, each with every intermediate value stored
        List<Candidate> candidates = store.candidates().listByRun(runId);
        assertThat(candidates).hasSize(SEEDS * 3);
        Candidate goodOne = candidates.stream().filter(c -> c.agentPairId() == good).findFirst().orElseThrow();
        List<Score> scores = store.scores().listBySample(goodOne.sampleId()).stream()
                .filter(s -> s.candidateId() == goodOne.id()).toList();
        assertThat(scores).extracting(Score::metric)
                .containsExactlyInAnyOrder("ifd_small", "ifd_large", "judge", "star_score");
        Score star = scores.stream().filter(s -> s.metric().equals("star_score")).findFirst().orElseThrow();
        Score dL = scores.stream().filter(s -> s.metric().equals("ifd_large")).findFirst().orElseThrow();
        assertThat(dL.value()).isLessThan(1.0);
        assertThat(star.value()).isCloseTo(0.5 * dL.value() + 0.5 * 0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(star.detailsJson()).contains("\"verdict\":\"passed\"", "\"q\":0.8", "\"alpha\":0.5");
        assertThat(goodOne.round()).isPresent();
        // the weak pair's answers are dropped as misaligned and never judged
        long weak = pairId(store, "weak");
        candidates.stream().filter(c -> c.agentPairId() == weak).findFirst().ifPresent(c -> {
            try {
                assertThat(store.scores().listBySample(c.sampleId())).filteredOn(s -> s.candidateId() == c.id())
                        .extracting(Score::metric).doesNotContain("judge").contains("star_score");
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        });
        List<RunEvent> weightEvents = store.runs().events(runId, 0, 1000).stream()
                .filter(e -> e.kind().equals("weights")).toList();
        assertThat(weightEvents).hasSize(4);
        assertThat(weightEvents.get(3).dataJson()).contains("\"entropy\":", "\"wins\":", "\"good\":");
        // response-only pairs keep the seed instruction and never ask the rewriter for it
        long direct = pairId(store, "direct");
        candidates.stream().filter(c -> c.agentPairId() == direct).forEach(c ->
                assertThat(StarAgentsLoopback.INSTRUCTIONS).contains(c.instruction()));
    }

    @Test
    void aSeededRunGivesIdenticalWeightsTwiceAndAnotherSeedDrawsDifferently() throws Exception {
        ProjectStore one = project("one");
        ProjectStore two = project("two");
        long a = newRun(one, 7);
        long b = newRun(two, 7);
        job(one, a).run(TestContext.running());
        job(two, b).run(TestContext.running());

        assertThat(one.runs().weights(a)).isEqualTo(two.runs().weights(b));
        assertThat(chosenPairs(one, a)).isEqualTo(chosenPairs(two, b));

        long c = newRun(one, 8);
        job(one, c).run(TestContext.running());
        List<List<Long>> drawsA = draws(one, a);
        assertThat(draws(one, c)).isNotEqualTo(drawsA);
    }

    private static List<List<Long>> draws(ProjectStore store, long runId) throws Exception {
        Map<Long, List<Long>> bySample = new TreeMap<>();
        for (Candidate c : store.candidates().listByRun(runId)) {
            bySample.computeIfAbsent(c.sampleId(), s -> new ArrayList<>()).add(c.agentPairId());
        }
        return new ArrayList<>(bySample.values());
    }

    @Test
    void cancellingMidRunAndResumingEndsInTheSameStateWithoutAskingTwice() throws Exception {
        ProjectStore straight = project("straight");
        long a = newRun(straight, 42);
        int before = server.totalCalls();
        job(straight, a).run(TestContext.running());
        int uninterruptedCalls = server.totalCalls() - before;

        ProjectStore broken = project("broken");
        long b = newRun(broken, 42);
        before = server.totalCalls();
        assertThatThrownBy(() -> job(broken, b).run(TestContext.cancelledAfter(5)))
                .isInstanceOf(JobCancelledException.class);
        assertThat(broken.runs().find(b).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(broken.runs().weights(b)).extracting(RoundWeights::round).containsExactly(0, 1);
        StarAgentsSummary resumed = job(broken, b).run(TestContext.running());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(server.totalCalls() - before).as("calls asked in all").isEqualTo(uninterruptedCalls);
        assertThat(broken.runs().weights(b)).isEqualTo(straight.runs().weights(a));
        assertThat(chosenPairs(broken, b)).isEqualTo(chosenPairs(straight, a));
        assertThat(broken.candidates().countByRun(b)).isEqualTo(straight.candidates().countByRun(a));
        assertThat(broken.runs().events(b, 0, 1000)).extracting(RunEvent::kind).contains("cancelled", "resumed");
    }

    @Test
    void seedsInParallelDrawAndDecideAsOneAtATimeDoes() throws Exception {
        ProjectStore serial = project("serial");
        ProjectStore parallel = project("parallel");
        long a = newRun(serial, 11);
        long b = runFrom(parallel, config(tinyFolder, 11).replace("\"judge\":\"judge\"",
                "\"judge\":\"judge\",\"concurrency\":3"));

        job(serial, a).run(TestContext.running());
        job(parallel, b).run(TestContext.running());

        assertThat(parallel.runs().weights(b)).isEqualTo(serial.runs().weights(a));
        assertThat(chosenPairs(parallel, b)).isEqualTo(chosenPairs(serial, a));
    }

    @Test
    void aFailedCallLeavesItsRoundOpenAndTheRunStoppedUntilAResumeRetriesIt() throws Exception {
        ProjectStore straight = project("straight");
        long a = newRun(straight, 42);
        job(straight, a).run(TestContext.running());

        ProjectStore failing = project("failing");
        long b = newRun(failing, 42);
        server.failNext("judge", 1);
        StarAgentsSummary first = job(failing, b).run(TestContext.running());

        assertThat(first.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(first.stopReason()).contains("1 seeds of round 1 failed");
        assertThat(failing.runs().weights(b)).extracting(RoundWeights::round).containsExactly(0);
        assertThat(failing.runs().events(b, 0, 100)).extracting(RunEvent::kind).contains("item_failed", "stopped");
        StarAgentsSummary resumed = job(failing, b).run(TestContext.running());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(failing.runs().weights(b)).isEqualTo(straight.runs().weights(a));
        assertThat(chosenPairs(failing, b)).isEqualTo(chosenPairs(straight, a));
        assertThat(failing.candidates().countByRun(b)).isEqualTo(straight.candidates().countByRun(a));
    }

    long runFrom(ProjectStore store, String json) throws Exception {
        StarAgentsSpec spec = StarAgentsSpec.fromJson(json, "run.json");
        return StarAgentsJob.createRun(store, store.datasets().findByName("seed").orElseThrow().id(), spec).id();
    }

    @Test
    void aRunWithoutAJudgeScoresByTheLargeScorersIfdAlone() throws Exception {
        ProjectStore store = project("nojudge");
        String json = config(tinyFolder, 3).replace(",\"judge\":\"judge\"", "");
        StarAgentsSpec spec = StarAgentsSpec.fromJson(json, "run.json");
        long runId = StarAgentsJob.createRun(store, store.datasets().findByName("seed").orElseThrow().id(), spec).id();

        job(store, runId).run(TestContext.running());

        assertThat(server.calls("judge")).isZero();
        Candidate c = store.candidates().listByRun(runId).stream()
                .filter(x -> x.response().equals(StarAgentsLoopback.GOOD_ANSWER)).findFirst().orElseThrow();
        List<Score> scores = store.scores().listBySample(c.sampleId()).stream()
                .filter(s -> s.candidateId() == c.id()).toList();
        double dL = scores.stream().filter(s -> s.metric().equals("ifd_large")).findFirst().orElseThrow().value();
        double star = scores.stream().filter(s -> s.metric().equals("star_score")).findFirst().orElseThrow().value();
        assertThat(star).isEqualTo(dL);
    }
}
