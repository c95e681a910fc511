package dev.sift.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The §5.2 rule: (a, b) are m1's and m2's scores in the original order, (a', b') in the swapped order. */
class VerdictTest {

    @ParameterizedTest(name = "({0},{1}) and ({2},{3}) -> {4}")
    @CsvSource(textBlock = """
            9, 7,   8, 6,   WIN
            9, 7,   7, 7,   WIN
            7, 7,   9, 8,   WIN
            6, 8,   5, 9,   LOSE
            6, 8,   7, 7,   LOSE
            7, 7,   3, 4,   LOSE
            7, 7,   8, 8,   TIE
            9, 7,   6, 8,   TIE
            6, 8,   9, 7,   TIE
            9.0, 8.5, 9.0, 8.0, WIN
            8.5, 9.0, 8.5, 8.5, LOSE
            """)
    void appliesTheWinTieLoseRuleOverBothOrders(double a, double b, double aSwapped, double bSwapped, Verdict expected) {
        assertThat(Verdict.of(a, b, aSwapped, bSwapped)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1}/{2} -> {3}")
    @CsvSource(textBlock = """
            507, 225, 298, 1.2029
            198, 685, 147, 1.0495
            44,  15,  21,  1.2875
            0,   10,  0,   1.0
            5,   0,   0,   2.0
            0,   0,   5,   0.0
            """)
    void winningScoreIsWinsMinusLossesOverNPlusOne(int w, int t, int l, double expected) {
        WinTieLose counts = new WinTieLose(w, t, l, 3);
        assertThat(counts.n()).isEqualTo(w + t + l);
        assertThat(counts.winningScore()).isCloseTo(expected, org.assertj.core.data.Offset.offset(5e-5));
    }

    @org.junit.jupiter.api.Test
    void noJudgedItemsHasNoWinningScore() {
        assertThat(WinTieLose.NONE.plusUnparsed().winningScore()).isNaN();
    }
}
