package dev.sift.core.scoring;

import java.util.Objects;

/**
 * The reversed IFD of one sample: how well the response predicts its instruction (ALGORITHMS.md §0.2, §4.4), with
 * the raw losses of both spans. Arrays are copied in and out.
 *
 * @param conditionalNll losses of the instruction (+ input) tokens after the "guess the instruction" prompt A'
 * @param directNll losses of the instruction (+ input) tokens alone
 * @param skip {@link SkipReason#EMPTY_RESPONSE} for an empty response, otherwise {@link SkipReason#NONE}
 * @param options the settings it was scored with
 * @param scorerName the scoring model
 */
public record ReverseIfdResult(
        double[] conditionalNll, double[] directNll, SkipReason skip, IfdOptions options, String scorerName)
        implements SpanLosses {

    public ReverseIfdResult {
        conditionalNll = conditionalNll.clone();
        directNll = directNll.clone();
        Objects.requireNonNull(skip, "skip");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scorerName, "scorerName");
    }

    @Override
    public double[] conditionalNll() {
        return conditionalNll.clone();
    }

    @Override
    public double[] directNll() {
        return directNll.clone();
    }

    /** {@code s(Q|A') / s(Q)}; NaN when skipped. */
    public double rifdLoss() {
        return skip == SkipReason.NONE ? IfdMath.rifdLoss(conditionalLoss(), directLoss()) : Double.NaN;
    }

    /** {@code exp(s(Q|A') - s(Q))}; NaN when skipped. */
    public double rifdPpl() {
        return skip == SkipReason.NONE ? IfdMath.rifdPpl(conditionalLoss(), directLoss()) : Double.NaN;
    }
}
