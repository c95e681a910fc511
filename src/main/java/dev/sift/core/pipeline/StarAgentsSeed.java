package dev.sift.core.pipeline;

import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The work on one seed instruction in one round: draw K pairs, rewrite and respond with each (every candidate saved
 * at once), evaluate the original and every candidate, and record the best as the sample's decision. A seed redone
 * after a crash reuses the candidates this run already saved for it, so nothing is asked twice.
 */
final class StarAgentsSeed {

    private final ProjectStore store;
    private final long runId;
    private final StarAgentsSpec spec;
    private final Map<Long, StarAgentsPair> pairs;
    private final StarAgentsEvaluator evaluator;
    private final StarAgentsStages stages;

    StarAgentsSeed(ProjectStore store, long runId, StarAgentsSpec spec, Map<Long, StarAgentsPair> pairs,
            StarAgentsEvaluator evaluator, StarAgentsStages stages) {
        this.store = store;
        this.runId = runId;
        this.spec = spec;
        this.pairs = pairs;
        this.evaluator = evaluator;
        this.stages = stages;
    }

    /** What the seed's decision says: the winning pair (0 for the original or none) and the reason. */
    record Outcome(long winningPairId, String reason) {}

    Outcome process(int round, Sample sample, Map<Long, Double> weights) throws LlmException, StoreException {
        List<Candidate> mine = store.candidates().listBySample(sample.id()).stream()
                .filter(c -> c.runId() == runId).toList();
        SampleContent seed = sample.content();
        Candidate original = find(mine, CandidateOrigin.ORIGINAL, 0)
                .orElse(null);
        if (original == null) {
            original = store.candidates().add(new NewCandidate(sample.id(), runId, 0, CandidateOrigin.ORIGINAL,
                    OptionalInt.of(round), seed.instruction(), seed.input(), seed.output(), "seed"));
        }
        StarAgentsRules.Evaluation best = evaluator.evaluate(original, "original");
        stages.scored(!Double.isNaN(best.q()));
        String bestBy = "original";
        long bestPair = 0;
        long bestCandidate = original.id(); // the review shows the stored original, so the decision points at it
        for (long pairId : StarAgentsSampler.sample(weights, spec.k(), spec.seed(), round, sample.id())) {
            StarAgentsPair pair = pairs.get(pairId);
            Candidate c = find(mine, CandidateOrigin.GENERATED, pairId).orElse(null);
            if (c == null) {
                String instruction = pair.rewrite(seed.instruction());
                if (!pair.responseOnly()) {
                    stages.rewritten();
                }
                String response = pair.respond(instruction, seed.input());
                stages.answered();
                c = store.candidates().add(new NewCandidate(sample.id(), runId, pairId, CandidateOrigin.GENERATED,
                        OptionalInt.of(round), instruction, seed.input(), response, "star-agents"));
            }
            StarAgentsRules.Evaluation e = evaluator.evaluate(c, pair.name());
            stages.scored(!Double.isNaN(e.q()));
            if (e.passed() && (!best.passed() || e.score() > best.score())) {
                best = e;
                bestBy = "pair '" + pair.name() + "'";
                bestPair = pairId;
                bestCandidate = c.id();
            }
        }
        String reason = best.passed()
                ? String.format(Locale.ROOT, "star score %.4f (dS %.4f, dL %.4f%s) by %s, round %d", best.score(),
                        best.dS(), best.dL(), Double.isNaN(best.q()) ? "" : String.format(Locale.ROOT, ", q %.2f",
                                best.q()), bestBy, round)
                : "no candidate passed the filters; the original is kept, round " + round;
        store.decisions().addAll(List.of(NewDecision.byAlgorithm(sample.id(), bestCandidate, DecisionAction.CHOOSE,
                runId, reason)));
        return new Outcome(bestPair, reason);
    }

    private static Optional<Candidate> find(List<Candidate> candidates, CandidateOrigin origin, long pairId) {
        return candidates.stream().filter(c -> c.origin() == origin && c.agentPairId() == pairId).findFirst();
    }
}
