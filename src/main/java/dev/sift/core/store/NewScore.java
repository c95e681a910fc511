package dev.sift.core.store;

import java.util.Objects;

/**
 * A score to save for a candidate. One row per (candidate, metric, scorer, template): saving again replaces it.
 *
 * @param value the score; NaN is kept as NULL ("not scorable")
 * @param template the settings key the score is comparable under (prompt template and any other setting that
 *     changes the number, e.g. {@code alpaca/cherry_v1/concatenate/512})
 * @param maxLength the scoring window in tokens, or 0 when it does not apply
 * @param nllConditioned per-token losses of the conditioned span (kept as float32), or empty
 * @param nllDirect per-token losses of the direct span (kept as float32), or empty
 * @param detailsJson a JSON object with whatever else the metric needs to be recomputed, or empty
 */
public record NewScore(
        long candidateId, String metric, double value, String scorer, String template, int maxLength,
        double[] nllConditioned, double[] nllDirect, String detailsJson) {

    public NewScore {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(scorer, "scorer");
        template = Objects.requireNonNullElse(template, "");
        nllConditioned = nllConditioned == null ? new double[0] : nllConditioned.clone();
        nllDirect = nllDirect == null ? new double[0] : nllDirect.clone();
        detailsJson = Objects.requireNonNullElse(detailsJson, "");
    }

    @Override
    public double[] nllConditioned() {
        return nllConditioned.clone();
    }

    @Override
    public double[] nllDirect() {
        return nllDirect.clone();
    }
}
