package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.judge.Grade;
import dev.sift.core.judge.LlmJudge;
import dev.sift.core.llm.LlmException;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The dual-model evaluation of one candidate (ALGORITHMS.md §1.2): IFD_ppl with the small and the large scorer
 * (same template), the judge's rating when both pass the IFD filters, and the combined score. Every value is saved
 * as a score of the candidate, so a different rule can be applied offline:
 * {@value #SMALL} and {@value #LARGE} (IFD_ppl, with the per-token losses and IFD_loss in the details),
 * {@value #JUDGE} (the 1–10 rating, NaN when unparsed, with the rationale and the flag) and {@value #STAR}
 * (the combined score, NaN when dropped, with dS, dL, q, the rule's parameters and the verdict).
 */
final class StarAgentsEvaluator {

    static final String SMALL = "ifd_small";
    static final String LARGE = "ifd_large";
    static final String JUDGE = "judge";
    static final String STAR = "star_score";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectStore store;
    private final IfdScorer small;
    private final IfdScorer large;
    private final Optional<LlmJudge> judge;
    private final String judgeName;
    private final StarAgentsRules rules;

    StarAgentsEvaluator(ProjectStore store, IfdScorer small, IfdScorer large, Optional<LlmJudge> judge,
            String judgeName, StarAgentsRules rules) {
        this.store = store;
        this.small = small;
        this.large = large;
        this.judge = judge;
        this.judgeName = judgeName;
        this.rules = rules;
    }

    /** Scores, judges and saves one candidate; {@code label} says who made it (a pair's name, or "original"). */
    StarAgentsRules.Evaluation evaluate(Candidate c, String label) throws LlmException, StoreException {
        IfdResult s = score(small, c);
        IfdResult l = score(large, c);
        List<NewScore> scores = new ArrayList<>();
        scores.add(ifdScore(c, SMALL, s));
        scores.add(ifdScore(c, LARGE, l));
        OptionalDouble rating = OptionalDouble.empty();
        if (judge.isPresent() && rules.ifdVerdict(s.ifdPpl(), l.ifdPpl()) == StarAgentsRules.Verdict.PASSED) {
            String question = c.input().isEmpty() ? c.instruction() : c.instruction() + "\n\n" + c.input();
            Grade grade = judge.get().grade(question, c.response());
            rating = grade.score();
            ObjectNode d = JSON.createObjectNode().put("rationale", grade.rationale()).put("unparsed", grade.unparsed())
                    .put("raw", grade.rawOutput()).put("repair", grade.repairOutput())
                    .put("promptHash", grade.promptHash());
            scores.add(new NewScore(c.id(), JUDGE, rating.orElse(Double.NaN), judgeName, "single-1-10", 0, null, null,
                    d.toString()));
        }
        StarAgentsRules.Evaluation e = rules.evaluate(s.ifdPpl(), l.ifdPpl(), rating);
        ObjectNode d = JSON.createObjectNode().put("by", label).put("verdict", e.verdict().name().toLowerCase(
                java.util.Locale.ROOT)).put("alpha", rules.alpha()).put("tauGap", rules.tauGap())
                .put("ifdMax", rules.ifdMax()).put("withJudge", rules.withJudge());
        putNumber(d, "dS", e.dS());
        putNumber(d, "dL", e.dL());
        putNumber(d, "q", e.q());
        c.round().ifPresent(r -> d.put("round", r));
        scores.add(new NewScore(c.id(), STAR, e.score(), "star-agents", "", 0, null, null, d.toString()));
        store.scores().saveAll(scores);
        return e;
    }

    /** Scorers are thread-safe (CausalLmScorer): an in-process model runs one call at a time by itself. */
    private static IfdResult score(IfdScorer scorer, Candidate c) {
        return scorer.score(c.instruction(), c.input(), c.response());
    }

    private static NewScore ifdScore(Candidate c, String metric, IfdResult r) {
        ObjectNode d = JSON.createObjectNode().put("variant", "ifd_ppl").put("skip", r.skip().name());
        putNumber(d, "ifd_loss", r.ifdLoss());
        putNumber(d, "ifd_ppl", r.ifdPpl());
        return new NewScore(c.id(), metric, r.ifdPpl(), r.scorerName(), ScoreIfdSpec.key(r.options()),
                r.options().maxLength(), r.conditionalNll(), r.directNll(), d.toString());
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
