package dev.sift.core.pipeline;

import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.store.RunStatus;
import java.util.Map;

/**
 * How a reflection job ended.
 *
 * @param decided samples with a decision from this run
 * @param branches samples per branch, from the run's current decisions
 * @param stopReason why it stopped early, or empty
 */
public record ReflectionSummary(long runId, RunStatus status, int decided, int samples,
        Map<ReflectionBranch, Integer> branches, String stopReason) {

    public ReflectionSummary {
        branches = Map.copyOf(branches);
    }

    /** Samples kept: every branch that keeps a version. */
    public int kept() {
        return branches.getOrDefault(ReflectionBranch.QA_ACCEPTED, 0) + branches.getOrDefault(
                ReflectionBranch.A_ACCEPTED, 0) + branches.getOrDefault(ReflectionBranch.Q_ONLY, 0)
                + branches.getOrDefault(ReflectionBranch.ORIGINAL_KEPT, 0);
    }
}
