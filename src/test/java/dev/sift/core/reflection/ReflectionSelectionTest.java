package dev.sift.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test vectors of ALGORITHMS.md §4.5 and the two flags. */
class ReflectionSelectionTest {

    static Map<ReflectionVersion, StudentStats> stats(double[] ori, double[] q, double[] qa, double[] a) {
        Map<ReflectionVersion, StudentStats> out = new EnumMap<>(ReflectionVersion.class);
        out.put(ReflectionVersion.ORIGINAL, new StudentStats(ori[0], ori[1]));
        out.put(ReflectionVersion.Q, new StudentStats(q[0], q[1]));
        out.put(ReflectionVersion.QA, new StudentStats(qa[0], qa[1]));
        out.put(ReflectionVersion.A, new StudentStats(a[0], a[1]));
        return out;
    }

    static final double[] ORI = {0.60, 0.70};
    static final double[] Q = {0.75, 0.65};
    static final double[] QA = {0.72, 0.55};
    static final double[] A = {0.58, 0.50};

    @Test
    void aHarderInstructionAndAMoreTraceableResponseKeepQa() {
        var c = ReflectionSelection.select(stats(ORI, Q, QA, A), false, false);

        assertThat(c.branch()).isEqualTo(ReflectionBranch.QA_ACCEPTED);
        assertThat(c.version()).contains(ReflectionVersion.QA);
        assertThat(c.reason()).isEqualTo("Q accepted: IFD rose 0.60→0.75; QA accepted: r-IFD fell 0.65→0.55");
    }

    @Test
    void anInstructionThatIsNotHarderTakesTheResponseBranch() {
        var c = ReflectionSelection.select(stats(ORI, new double[] {0.55, 0.65}, QA, A), false, false);

        assertThat(c.branch()).isEqualTo(ReflectionBranch.A_ACCEPTED);
        assertThat(c.version()).contains(ReflectionVersion.A);
        assertThat(c.reason()).isEqualTo("Q rejected: IFD 0.55 did not rise above 0.60; A accepted: r-IFD fell "
                + "0.70→0.50");
    }

    @Test
    void aResponseThatIsNotMoreTraceableDropsTheSampleUnlessTheOriginalIsKept() {
        var s = stats(ORI, new double[] {0.55, 0.65}, QA, new double[] {0.58, 0.80});

        var dropped = ReflectionSelection.select(s, false, false);
        assertThat(dropped.branch()).isEqualTo(ReflectionBranch.DROPPED);
        assertThat(dropped.version()).isEmpty();
        assertThat(dropped.reason()).endsWith("A rejected: r-IFD 0.80 did not fall below 0.70; dropped");

        var kept = ReflectionSelection.select(s, false, true);
        assertThat(kept.branch()).isEqualTo(ReflectionBranch.ORIGINAL_KEPT);
        assertThat(kept.version()).contains(ReflectionVersion.ORIGINAL);
        assertThat(ReflectionSelection.select(s, true, false).branch()).as("keepQOnly is for the Q branch")
                .isEqualTo(ReflectionBranch.DROPPED);
    }

    @Test
    void qaThatIsNotMoreTraceableDropsTheSampleUnlessQIsKept() {
        var s = stats(ORI, Q, new double[] {0.72, 0.66}, A);

        assertThat(ReflectionSelection.select(s, false, false).branch()).isEqualTo(ReflectionBranch.DROPPED);
        assertThat(ReflectionSelection.select(s, false, true).branch()).as("keepOriginal is for the A branch")
                .isEqualTo(ReflectionBranch.DROPPED);
        var kept = ReflectionSelection.select(s, true, false);
        assertThat(kept.branch()).isEqualTo(ReflectionBranch.Q_ONLY);
        assertThat(kept.version()).contains(ReflectionVersion.Q);
        assertThat(kept.reason()).isEqualTo("Q accepted: IFD rose 0.60→0.75; QA rejected: r-IFD 0.66 did not fall "
                + "below 0.65; Q kept");
    }

    @Test
    void anAcceptedVersionIsStillDroppedWhenOneOfItsScoresIsNotBelowOne() {
        var c = ReflectionSelection.select(stats(ORI, Q, new double[] {1.02, 0.55}, A), false, false);

        assertThat(c.branch()).isEqualTo(ReflectionBranch.DROPPED);
        assertThat(c.reason()).contains("QA accepted").endsWith("but QA has IFD 1.02, r-IFD 0.55 (both must be "
                + "below 1); dropped");
        var kept = ReflectionSelection.select(stats(new double[] {0.6, 1.2}, new double[] {0.5, 0.6}, QA,
                new double[] {0.5, 1.3}), false, true);
        assertThat(kept.branch()).as("the original too must have both below 1").isEqualTo(ReflectionBranch.DROPPED);
    }

    @Test
    void notANumberNeverPassesAComparison() {
        double nan = Double.NaN;
        var c = ReflectionSelection.select(stats(ORI, new double[] {nan, nan}, QA, new double[] {nan, nan}), true,
                true);

        assertThat(c.branch()).as("NaN > 0.60 is false, NaN < 0.70 is false; ori kept under keepOriginal")
                .isEqualTo(ReflectionBranch.ORIGINAL_KEPT);
        assertThat(c.reason()).contains("IFD NaN did not rise above 0.60");
    }
}
