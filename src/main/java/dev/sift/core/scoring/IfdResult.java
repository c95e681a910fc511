package dev.sift.core.scoring;

import java.util.Objects;

/**
 * The IFD of one sample, with the raw per-token losses of both spans so that every variant (loss or ppl ratio,
 * strict or non-strict threshold) can be recomputed without the model. Arrays are copied in and out; equality is
 * by identity of the arrays, so compare the accessors' contents instead.
 *
 * @param conditionalNll losses of the answer tokens after the prompt, for s(A|Q)
 * @param directNll losses of the answer tokens in the direct text, for s(A)
 * @param skip why the sample got no score, or {@link SkipReason#NONE}
 * @param options the settings it was scored with
 * @param scorerName the scoring model, from {@link CausalLmScorer#name()}
 */
public record IfdResult(
        double[] conditionalNll, double[] directNll, SkipReason skip, IfdOptions options, String scorerName)
        implements SpanLosses {

    public IfdResult {
        conditionalNll = conditionalNll.clone();
        directNll = directNll.clone();
        Objects.requireNonNull(skip, "skip");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scorerName, "scorerName");
    }

    static IfdResult skipped(SkipReason reason, IfdOptions options, String scorerName) {
        return new IfdResult(new double[0], new double[0], reason, options, scorerName);
    }

    @Override
    public double[] conditionalNll() {
        return conditionalNll.clone();
    }

    @Override
    public double[] directNll() {
        return directNll.clone();
    }

    /** Whether the sample has a score; a skipped sample's ratios are NaN. */
    public boolean scored() {
        return skip == SkipReason.NONE;
    }

    /** {@code s(A|Q) / s(A)}; NaN when skipped. */
    public double ifdLoss() {
        return scored() ? IfdMath.ifdLoss(conditionalLoss(), directLoss()) : Double.NaN;
    }

    /** {@code exp(s(A|Q) - s(A))}; NaN when skipped. */
    public double ifdPpl() {
        return scored() ? IfdMath.ifdPpl(conditionalLoss(), directLoss()) : Double.NaN;
    }
}
