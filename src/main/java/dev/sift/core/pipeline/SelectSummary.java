package dev.sift.core.pipeline;

/**
 * What a selection run decided.
 *
 * @param total samples in the dataset (each got one decision)
 * @param kept samples that passed the IFD threshold (and the refusal filter)
 * @param selected samples chosen; the rest were rejected
 * @param threshold the lowest IFD among the chosen, NaN when none was chosen
 * @param metric {@code ifd_loss} or {@code ifd_ppl}
 * @param scorer the scorer of the scores used
 * @param scoreKey their settings key
 */
public record SelectSummary(
        long runId, int total, int kept, int selected, double threshold, String metric, String scorer,
        String scoreKey) {}
