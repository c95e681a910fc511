package dev.sift.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LengthStatsTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        int[] values = new int[100];
        for (int i = 0; i < 100; i++) {
            values[99 - i] = i + 1; // unsorted on purpose
        }
        LengthStats s = LengthStats.of(values, 10);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.p25()).isEqualTo(25);
        assertThat(s.median()).isEqualTo(50);
        assertThat(s.p90()).isEqualTo(90);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.mean()).isEqualTo(50.5);
    }

    @Test
    void histogramCountsEveryValueOnce() {
        int[] values = {0, 1, 2, 3, 10, 10, 10, 95, 100};
        LengthStats s = LengthStats.of(values, 10);
        assertThat(s.histogram()).hasSize(10);
        assertThat(s.histogram().stream().mapToLong(HistogramBin::count).sum()).isEqualTo(values.length);
        assertThat(s.histogram().get(0).count()).isEqualTo(4);
        assertThat(s.histogram().get(1).count()).isEqualTo(3);
        assertThat(s.histogram().get(9).count()).isEqualTo(2);
        assertThat(s.histogram().get(9).to()).isEqualTo(100);
    }

    @Test
    void narrowRangeGetsNoMoreBinsThanValues() {
        LengthStats s = LengthStats.of(new int[] {5, 5, 6}, 20);
        assertThat(s.histogram()).hasSize(2);
        assertThat(s.histogram().get(0).count()).isEqualTo(2);
    }

    @Test
    void emptyInputGivesZeros() {
        LengthStats s = LengthStats.of(new int[0], 10);
        assertThat(s.count()).isZero();
        assertThat(s.histogram()).isEmpty();
    }
}
