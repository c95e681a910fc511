package dev.sift.core.reflection;

/**
 * Which way the selection rule of ALGORITHMS.md §4.5 went for a sample, as the run's decisions record it: the version
 * kept, or why none was.
 */
public enum ReflectionBranch {
    /** Q harder than the original and QA easier to trace back than Q: the reflect-both version is kept. */
    QA_ACCEPTED("QA accepted"),
    /** Q not harder, and A easier to trace back than the original: the reflected response is kept. */
    A_ACCEPTED("A accepted"),
    /** Q harder but QA not easier to trace back; kept only under {@code keepQOnly}. */
    Q_ONLY("Q only"),
    /** Neither reflection accepted; the original kept only under {@code keepOriginal}. */
    ORIGINAL_KEPT("original kept"),
    /** Nothing selected. */
    DROPPED("dropped"),
    /** Selected, but not among the final top-k by student IFD. */
    OUTSIDE_TOP_K("outside top-k");

    private final String text;

    ReflectionBranch(String text) {
        this.text = text;
    }

    /** In words, e.g. "QA accepted". */
    public String text() {
        return text;
    }
}
