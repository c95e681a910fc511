package dev.sift.core.pipeline;

import dev.sift.core.store.RunStatus;

/**
 * What one IFD scoring job did.
 *
 * @param total samples in the dataset
 * @param alreadyDone samples whose original already had a score of these settings (skipped)
 * @param scored samples this job scored with a number
 * @param unscorable samples this job saved as NaN (skipped by the IFD rules, e.g. the prompt fills the window)
 */
public record ScoreIfdSummary(long runId, RunStatus status, int total, int alreadyDone, int scored, int unscorable) {}
