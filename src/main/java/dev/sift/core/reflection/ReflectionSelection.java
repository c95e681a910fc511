package dev.sift.core.reflection;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The selection rule of Selective Reflection-Tuning (ALGORITHMS.md §4.5), pure: from the student's IFD and r-IFD of
 * the four versions, the version kept (or none) and the reason in words with the numbers, e.g.
 * {@code Q accepted: IFD rose 0.600→0.750; QA accepted: r-IFD fell 0.650→0.550}.
 *
 * <pre>
 * if IFD(Q) &gt; IFD(ori):
 *     if rIFD(QA) &lt; rIFD(Q): keep QA if rIFD(QA) &lt; 1 and IFD(QA) &lt; 1
 *     else: keep Q if keepQOnly and both Q scores &lt; 1
 * else:
 *     if rIFD(A) &lt; rIFD(ori): keep A if rIFD(A) &lt; 1 and IFD(A) &lt; 1
 *     else: keep ori if keepOriginal and both ori scores &lt; 1
 * </pre>
 *
 * Comparisons with NaN are false, as in the reference code, so a version the student could not score is never kept
 * and never makes another look better.
 */
public final class ReflectionSelection {

    private ReflectionSelection() {}

    /** The outcome for one sample: the branch, the version kept (empty when none) and the reason. */
    public record Choice(ReflectionBranch branch, Optional<ReflectionVersion> version, String reason) {
        public Choice {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Applies the rule.
     *
     * @param stats the student's scores of all four versions
     * @param keepQOnly keep Q when Q is accepted but QA is not (the released script leaves this out)
     * @param keepOriginal keep the original when neither reflection is accepted (likewise left out)
     * @throws IllegalArgumentException when a version's scores are missing
     */
    public static Choice select(Map<ReflectionVersion, StudentStats> stats, boolean keepQOnly, boolean keepOriginal) {
        StudentStats ori = get(stats, ReflectionVersion.ORIGINAL);
        StudentStats q = get(stats, ReflectionVersion.Q);
        StudentStats a = get(stats, ReflectionVersion.A);
        StudentStats qa = get(stats, ReflectionVersion.QA);
        if (q.ifd() > ori.ifd()) {
            String first = "Q accepted: IFD rose " + n(ori.ifd()) + "→" + n(q.ifd());
            if (qa.rifd() < q.rifd()) {
                String second = first + "; QA accepted: r-IFD fell " + n(q.rifd()) + "→" + n(qa.rifd());
                return keepIfBelowOne(qa, ReflectionVersion.QA, ReflectionBranch.QA_ACCEPTED, second);
            }
            String second = first + "; QA rejected: r-IFD " + n(qa.rifd()) + " did not fall below " + n(q.rifd());
            return keepQOnly ? keepIfBelowOne(q, ReflectionVersion.Q, ReflectionBranch.Q_ONLY, second + "; Q kept")
                    : dropped(second);
        }
        String first = "Q rejected: IFD " + n(q.ifd()) + " did not rise above " + n(ori.ifd());
        if (a.rifd() < ori.rifd()) {
            String second = first + "; A accepted: r-IFD fell " + n(ori.rifd()) + "→" + n(a.rifd());
            return keepIfBelowOne(a, ReflectionVersion.A, ReflectionBranch.A_ACCEPTED, second);
        }
        String second = first + "; A rejected: r-IFD " + n(a.rifd()) + " did not fall below " + n(ori.rifd());
        return keepOriginal
                ? keepIfBelowOne(ori, ReflectionVersion.ORIGINAL, ReflectionBranch.ORIGINAL_KEPT,
                        second + "; original kept")
                : dropped(second);
    }

    private static Choice keepIfBelowOne(StudentStats s, ReflectionVersion version, ReflectionBranch branch,
            String reason) {
        if (s.bothBelowOne()) {
            return new Choice(branch, Optional.of(version), reason);
        }
        return dropped(reason + "; but " + version.label() + " has IFD " + n(s.ifd()) + ", r-IFD " + n(s.rifd())
                + " (both must be below 1)");
    }

    private static Choice dropped(String reason) {
        return new Choice(ReflectionBranch.DROPPED, Optional.empty(), reason + "; dropped");
    }

    private static StudentStats get(Map<ReflectionVersion, StudentStats> stats, ReflectionVersion version) {
        StudentStats s = stats.get(version);
        if (s == null) {
            throw new IllegalArgumentException("no student scores for version " + version.label());
        }
        return s;
    }

    /** A score to two decimals, as the reasons show them; "NaN" when not scorable. */
    static String n(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.2f", value);
    }
}
