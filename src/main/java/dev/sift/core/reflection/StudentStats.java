package dev.sift.core.reflection;

/**
 * The student's view of one version of a sample in the variant a run selects with (IFD_ppl by default): its IFD and
 * its reversed IFD. NaN stands for "not scorable" and never passes a comparison.
 */
public record StudentStats(double ifd, double rifd) {

    /** Whether both scores are below 1, the condition for keeping a version. */
    public boolean bothBelowOne() {
        return ifd < 1 && rifd < 1;
    }
}
