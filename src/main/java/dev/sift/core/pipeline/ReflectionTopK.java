package dev.sift.core.pipeline;

import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Score;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The optional last stage of a reflection run (ALGORITHMS.md §4.6, RESOLUTION): among the samples the rule kept, the
 * k with the highest student IFD (the run's variant) whose r-IFD is below 1 stay; every other kept sample gets a newer
 * rejection whose reason starts with {@value ReflectionBranches#OUTSIDE_TOP_K}. Ties go to the lower sample id; NaN
 * ranks last. Idempotent: applied again, the k kept samples rank as before and nothing changes, so a resume may repeat
 * it. All rejections are recorded in one transaction.
 */
final class ReflectionTopK {

    private ReflectionTopK() {}

    /** Applies the top-k; returns how many samples it rejected. */
    static int apply(ProjectStore store, long runId, long datasetId, ReflectionSpec spec, ReflectionStudent student)
            throws StoreException {
        int k = spec.topK().orElseThrow();
        Map<Long, Decision> current = new LinkedHashMap<>();
        store.decisions().listByRun(runId).stream().filter(d -> d.undoneAt().isEmpty())
                .forEach(d -> current.put(d.sampleId(), d));
        Map<Long, Double> ifd = values(store, datasetId, ReflectionStudent.IFD, student, spec.variant());
        Map<Long, Double> rifd = values(store, datasetId, ReflectionStudent.RIFD, student, spec.variant());
        List<Decision> kept = new ArrayList<>(current.values().stream()
                .filter(d -> d.action() == DecisionAction.CHOOSE).toList());
        Comparator<Decision> order = Comparator.comparing((Decision d) -> eligible(d, ifd, rifd) ? 0 : 1)
                .thenComparingDouble(d -> -ifd.getOrDefault(d.candidateId(), Double.NaN))
                .thenComparingLong(Decision::sampleId);
        kept.sort(order);
        List<NewDecision> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Decision d = kept.get(i);
            if (i >= k || !eligible(d, ifd, rifd)) {
                double value = ifd.getOrDefault(d.candidateId(), Double.NaN);
                String why = eligible(d, ifd, rifd)
                        ? String.format(Locale.ROOT, "student IFD %.2f ranks %d of %d, k = %d", value, i + 1,
                                kept.size(), k)
                        : "r-IFD not below 1";
                out.add(NewDecision.byAlgorithm(d.sampleId(), d.candidateId(), DecisionAction.REJECT, runId,
                        ReflectionBranches.OUTSIDE_TOP_K + ": " + why + " (" + d.reason() + ")"));
            }
        }
        store.decisions().addAll(out);
        return out.size();
    }

    private static boolean eligible(Decision d, Map<Long, Double> ifd, Map<Long, Double> rifd) {
        return rifd.getOrDefault(d.candidateId(), Double.NaN) < 1 && !Double.isNaN(ifd.getOrDefault(d.candidateId(),
                Double.NaN));
    }

    /** Candidate id → the saved score in the run's variant. */
    private static Map<Long, Double> values(ProjectStore store, long datasetId, String metric,
            ReflectionStudent student, ReflectionSpec.Variant variant) throws StoreException {
        Map<Long, Double> out = new HashMap<>();
        for (Score s : store.scores().list(datasetId, metric, student.scorerName(), student.key())) {
            out.put(s.candidateId(), ReflectionStudent.valueOf(s, variant));
        }
        return out;
    }
}
