package dev.sift.core.export;

import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which preference pairs a decision gives (DPO). For a sample whose current decision keeps a candidate, the kept one
 * is paired against every other candidate of the sample that was ranked lower:
 * <ul>
 *   <li>a curator's decision ranks the kept candidate above all others: every other candidate is rejected;</li>
 *   <li>an algorithm's decision ranks by its metric ({@link DecisionMetric}): the candidates whose score in that
 *       metric, of the same scorer and settings, is lower than the kept one's; when the kept candidate has no such
 *       score, or the run's metric is unknown, every other candidate.</li>
 * </ul>
 * The record itself counts as a candidate (id 0) unless the sample has an original candidate, which stands for it.
 * Candidates whose response equals the kept response teach nothing and are left out. Rejected and undecided samples
 * give no pairs; nor do multi-turn samples, whose history a prompt string cannot hold. The prompt is the kept
 * candidate's instruction, followed by a blank line and the input when there is one.
 */
final class PreferencePairs {

    private PreferencePairs() {}

    /**
     * @param candidates the sample's stored candidates
     * @param scores the scores of the sample's candidates
     * @param metric the metric of the run that made an algorithm decision, if known
     */
    static List<PreferencePair> of(Sample sample, Decision decision, List<Candidate> candidates, List<Score> scores,
            Optional<DecisionMetric> metric) {
        if (decision.action() == DecisionAction.REJECT || sample.content().isMultiTurn()) {
            return List.of();
        }
        List<Option> options = options(sample, candidates);
        Optional<Candidate> original = candidates.stream().filter(c -> c.origin() == CandidateOrigin.ORIGINAL)
                .findFirst();
        long keptId = decision.candidateId() == 0 && original.isPresent() ? original.get().id() : decision.candidateId();
        Option kept = options.stream().filter(o -> o.id == keptId).findFirst().orElse(null);
        if (kept == null) {
            return List.of();
        }
        boolean curator = decision.decidedBy() == DecidedBy.CURATOR;
        Optional<Score> keptScore = curator ? Optional.empty() : metric.flatMap(m -> m.scoreOf(kept.id, scores));
        String prompt = PreferencePair.prompt(kept.instruction, kept.input);
        var pairs = new ArrayList<PreferencePair>();
        for (Option other : options) {
            if (other == kept || other.response.equals(kept.response)) {
                continue;
            }
            if (keptScore.isPresent()) {
                DecisionMetric group = metric.get().sameGroupAs(keptScore.get());
                OptionalDouble value = group.of(other.id, scores);
                double keptValue = group.of(kept.id, scores).orElse(Double.NaN);
                if (value.isEmpty() || !(value.getAsDouble() < keptValue)) {
                    continue;
                }
            }
            pairs.add(new PreferencePair(sample.id(), prompt, kept.response, other.response, decision.candidateId(),
                    other.id, decision.decidedBy().id()));
        }
        return pairs;
    }

    /** The sample's candidates, with the record itself as candidate 0 when it has no original candidate. */
    private static List<Option> options(Sample sample, List<Candidate> candidates) {
        var options = new ArrayList<Option>();
        if (candidates.stream().noneMatch(c -> c.origin() == CandidateOrigin.ORIGINAL)) {
            SampleContent content = sample.content();
            options.add(new Option(0, content.instruction(), content.input(), content.output()));
        }
        for (Candidate c : candidates) {
            options.add(new Option(c.id(), c.instruction(), c.input(), c.response()));
        }
        return options;
    }

    private record Option(long id, String instruction, String input, String response) {}
}
