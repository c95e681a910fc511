package dev.sift.core.scoring;

/**
 * The pure arithmetic of IFD and r-IFD (ALGORITHMS.md §0.2), in natural logs. NaN in gives NaN out; a NaN mean
 * therefore never passes a threshold.
 */
public final class IfdMath {

    private IfdMath() {
    }

    /** Mean NLL of a span, s(A|Q) or s(A); NaN for an empty span or when any loss is NaN. */
    public static double meanNll(double[] nll) {
        if (nll.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : nll) {
            sum += v;
        }
        return sum / nll.length;
    }

    /** Perplexity of a mean NLL: {@code exp(mean)}. */
    public static double perplexity(double meanNll) {
        return Math.exp(meanNll);
    }

    /**
     * {@code IFD_loss = s(A|Q) / s(A)}, the ratio of mean NLLs (Cherry's selection scripts). A zero denominator
     * gives 0, as the Reflection-Tuning statistics do.
     */
    public static double ifdLoss(double conditionalMean, double directMean) {
        if (Double.isNaN(conditionalMean) || Double.isNaN(directMean)) {
            return Double.NaN;
        }
        return directMean == 0 ? 0 : conditionalMean / directMean;
    }

    /** {@code IFD_ppl = exp(s(A|Q)) / exp(s(A)) = exp(s(A|Q) - s(A))} (Superfiltering, Reflection-Tuning). */
    public static double ifdPpl(double conditionalMean, double directMean) {
        return Math.exp(conditionalMean - directMean);
    }

    /** {@code rIFD_loss = s(Q|A') / s(Q)}; a zero denominator gives 0. */
    public static double rifdLoss(double conditionalMean, double directMean) {
        return ifdLoss(conditionalMean, directMean);
    }

    /** {@code rIFD_ppl = exp(s(Q|A') - s(Q))}. */
    public static double rifdPpl(double conditionalMean, double directMean) {
        return ifdPpl(conditionalMean, directMean);
    }
}
