package dev.sift.core.review;

import dev.sift.core.model.AgentPair;
import dev.sift.core.model.Sample;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.Score;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the review shows of one sample: the record, its candidates in order (the original first; the record
 * itself stands in for it when it has no original candidate) with their scores and makers, the current decision and
 * the note, and where an AgentInstruct run made it from. Read with {@link #load}, off the UI thread.
 *
 * @param currentCandidateId the candidate the current decision names, 0 for the record itself or none
 * @param provenance the AgentInstruct lineage of a sample such a run added; empty for any other sample
 */
public record SampleDetail(
        Sample sample, List<CandidateDetail> candidates, ReviewState state, long currentCandidateId,
        Optional<Decision> current, Optional<String> note, Optional<ProvenanceDetail> provenance) {

    public SampleDetail {
        candidates = List.copyOf(candidates);
    }

    /** A sample with no AgentInstruct lineage. */
    public SampleDetail(Sample sample, List<CandidateDetail> candidates, ReviewState state, long currentCandidateId,
            Optional<Decision> current, Optional<String> note) {
        this(sample, candidates, state, currentCandidateId, current, note, Optional.empty());
    }

    /** The candidate numbered {@code n} (1-based) on screen, if there is one. */
    public Optional<CandidateDetail> candidate(int n) {
        return n >= 1 && n <= candidates.size() ? Optional.of(candidates.get(n - 1)) : Optional.empty();
    }

    public static SampleDetail load(ProjectStore store, long sampleId) throws StoreException {
        Sample sample = store.samples().fetch(new long[] {sampleId}, 0, 1).stream().findFirst()
                .orElseThrow(() -> new StoreException("There is no sample " + sampleId));
        Optional<Decision> current = store.decisions().current(sampleId);
        ReviewState state = current.map(d -> ReviewState.of(d.action())).orElse(ReviewState.UNDECIDED);
        long currentId = current.filter(d -> d.action() != DecisionAction.REJECT).map(Decision::candidateId).orElse(-1L);
        Map<Long, List<Score>> scores = new HashMap<>();
        for (Score s : store.scores().listBySample(sampleId)) {
            scores.computeIfAbsent(s.candidateId(), k -> new ArrayList<>()).add(s);
        }
        Map<Long, String> pairs = new HashMap<>();
        for (AgentPair p : store.agents().listPairs()) {
            pairs.put(p.id(), p.name());
        }
        List<Candidate> stored = store.candidates().listBySample(sampleId);
        var details = new ArrayList<CandidateDetail>();
        if (stored.stream().noneMatch(c -> c.origin() == CandidateOrigin.ORIGINAL)) {
            var content = sample.content();
            details.add(new CandidateDetail(0, CandidateOrigin.ORIGINAL, "original", content.instruction(),
                    content.input(), content.output(), List.of(), currentId == 0));
        }
        stored.stream().sorted((a, b) -> Boolean.compare(b.origin() == CandidateOrigin.ORIGINAL,
                a.origin() == CandidateOrigin.ORIGINAL)).forEach(c -> details.add(new CandidateDetail(c.id(),
                c.origin(), madeBy(c, pairs), c.instruction(), c.input(), c.response(),
                scores.getOrDefault(c.id(), List.of()), c.id() == currentId)));
        return new SampleDetail(sample, details, state, Math.max(currentId, 0), current,
                store.review().note(sampleId), store.instruct().provenance(sampleId).map(ProvenanceDetail::of));
    }

    private static String madeBy(Candidate c, Map<Long, String> pairs) {
        return switch (c.origin()) {
            case ORIGINAL -> "original";
            case CURATOR -> "curator";
            case DATASET -> "dataset " + c.source();
            case REFLECTION -> "reflection " + c.source() + (c.runId() != 0 ? " (run " + c.runId() + ")" : "");
            default -> c.agentPairId() != 0 && pairs.containsKey(c.agentPairId())
                    ? "pair " + pairs.get(c.agentPairId())
                    : c.origin().id() + (c.runId() != 0 ? " (run " + c.runId() + ")" : "");
        };
    }
}
