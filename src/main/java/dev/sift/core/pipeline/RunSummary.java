package dev.sift.core.pipeline;

import dev.sift.core.store.RunStatus;

/**
 * What one job did to a run.
 *
 * @param status how the run ended: {@code SUCCEEDED} (every sample was tried; some may have failed
 *     and are retried by a resume) or {@code STOPPED} (a budget cap or circuit breaker refused a call)
 * @param total samples in the run's dataset
 * @param alreadyDone samples that had a candidate from this run before the job started (skipped)
 * @param generated candidates this job added
 * @param failed samples whose call failed in this job (no candidate; a resume tries them again)
 * @param stopReason why the run stopped early, or empty
 */
public record RunSummary(
        long runId, RunStatus status, int total, int alreadyDone, int generated, int failed, String stopReason) {}
