package dev.sift.core.pipeline;

import dev.sift.core.store.RunStatus;

/**
 * How an AgentInstruct job ended.
 *
 * @param datasetId the dataset the pairs went to
 * @param slotsDone instruction slots done (this job and earlier ones of the run)
 * @param slots instruction slots in the run's plan
 * @param pairs pairs the run has added in all
 * @param stages this job's count per flow, as one line
 * @param stopReason why it stopped early, or empty
 */
public record AgentInstructSummary(long runId, RunStatus status, long datasetId, int slotsDone, int slots, int pairs,
        String stages, String stopReason) {}
