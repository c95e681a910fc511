package dev.sift.ui.insights;

import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A reflection run over a dataset of at least six samples as the job would leave it: QA kept for two samples, A for
 * one, the original for one, one dropped and one outside the top-k.
 */
final class ReflectionRunFixture {

    private ReflectionRunFixture() {}

    static long create(ProjectStore store, long datasetId) throws Exception {
        long runId = store.runs().create(new NewRun(ReflectionSpec.RECIPE, datasetId, "{}", 0,
                OptionalDouble.empty())).id();
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        String[] kept = {"QA", "QA", "A", ""};
        for (int i = 0; i < kept.length; i++) {
            long candidate = kept[i].isEmpty() ? original(store, ids[i])
                    : store.candidates().add(new NewCandidate(ids[i], runId, 0, CandidateOrigin.REFLECTION,
                            OptionalInt.empty(), "new", "", "better", kept[i])).id();
            store.decisions().addAll(List.of(NewDecision.byAlgorithm(ids[i], candidate, DecisionAction.CHOOSE,
                    runId, "kept")));
        }
        store.decisions().addAll(List.of(NewDecision.byAlgorithm(ids[4], original(store, ids[4]),
                DecisionAction.REJECT, runId, "Q rejected; A rejected; dropped")));
        long a = store.candidates().add(new NewCandidate(ids[5], runId, 0, CandidateOrigin.REFLECTION,
                OptionalInt.empty(), "x", "", "y", "A")).id();
        store.decisions().addAll(List.of(NewDecision.byAlgorithm(ids[5], a, DecisionAction.CHOOSE, runId, "A"),
                NewDecision.byAlgorithm(ids[5], a, DecisionAction.REJECT, runId, ReflectionBranches.OUTSIDE_TOP_K
                        + ": student IFD 0.50 ranks 5 of 5, k = 4 (A)")));
        return runId;
    }

    private static long original(ProjectStore store, long sampleId) throws Exception {
        return store.candidates().add(new NewCandidate(sampleId, 0, 0, CandidateOrigin.ORIGINAL, OptionalInt.empty(),
                "i", "", "o")).id();
    }
}
