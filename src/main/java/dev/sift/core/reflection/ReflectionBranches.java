package dev.sift.core.reflection;

import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many samples of a reflection run took each branch, read from the run's current decisions (the newest not undone
 * per sample): a choice of a reflected candidate counts for its version, a choice of anything else as "original kept",
 * a rejection whose reason starts with {@value #OUTSIDE_TOP_K} as outside the top-k, any other rejection as dropped.
 */
public final class ReflectionBranches {

    /** How the reason of a top-k rejection starts. */
    public static final String OUTSIDE_TOP_K = "outside top-k";

    private ReflectionBranches() {}

    /** The counts of run {@code runId}, every branch present (zero when none took it). */
    public static Map<ReflectionBranch, Integer> count(ProjectStore store, long runId) throws StoreException {
        return count(store.decisions().listByRun(runId), store.candidates().listByRun(runId));
    }

    /**
     * The counts from a run's decisions (oldest first) and the candidates it made.
     */
    public static Map<ReflectionBranch, Integer> count(List<Decision> decisions, List<Candidate> candidates) {
        Map<Long, String> reflected = new HashMap<>();
        candidates.stream().filter(c -> c.origin() == CandidateOrigin.REFLECTION)
                .forEach(c -> reflected.put(c.id(), c.source()));
        Map<Long, Decision> current = new HashMap<>();
        decisions.stream().filter(d -> d.undoneAt().isEmpty()).forEach(d -> current.put(d.sampleId(), d));
        Map<ReflectionBranch, Integer> out = new EnumMap<>(ReflectionBranch.class);
        for (ReflectionBranch b : ReflectionBranch.values()) {
            out.put(b, 0);
        }
        for (Decision d : current.values()) {
            out.merge(branchOf(d, reflected), 1, Integer::sum);
        }
        return out;
    }

    private static ReflectionBranch branchOf(Decision d, Map<Long, String> reflected) {
        if (d.action() == DecisionAction.REJECT) {
            return d.reason().startsWith(OUTSIDE_TOP_K) ? ReflectionBranch.OUTSIDE_TOP_K : ReflectionBranch.DROPPED;
        }
        return ReflectionVersion.ofSource(reflected.getOrDefault(d.candidateId(), "")).map(v -> switch (v) {
            case QA -> ReflectionBranch.QA_ACCEPTED;
            case A -> ReflectionBranch.A_ACCEPTED;
            default -> ReflectionBranch.Q_ONLY;
        }).orElse(ReflectionBranch.ORIGINAL_KEPT);
    }
}
