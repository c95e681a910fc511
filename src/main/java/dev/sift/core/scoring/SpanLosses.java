package dev.sift.core.scoring;

/**
 * Per-token losses of a conditioned span and of the same tokens scored directly, and what follows from them: the
 * two mean NLLs and their perplexities. IFD and r-IFD results are both such a pair of spans.
 */
public interface SpanLosses {

    /** Losses of the scored tokens after the conditioning text. */
    double[] conditionalNll();

    /** Losses of the same tokens without it. */
    double[] directNll();

    /** The mean conditional NLL: s(A|Q) for IFD, s(Q|A') for r-IFD. */
    default double conditionalLoss() {
        return IfdMath.meanNll(conditionalNll());
    }

    /** The mean direct NLL: s(A) for IFD, s(Q) for r-IFD. */
    default double directLoss() {
        return IfdMath.meanNll(directNll());
    }

    default double conditionalPpl() {
        return IfdMath.perplexity(conditionalLoss());
    }

    default double directPpl() {
        return IfdMath.perplexity(directLoss());
    }
}
