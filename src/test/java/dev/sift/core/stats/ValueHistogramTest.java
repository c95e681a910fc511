package dev.sift.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueHistogramTest {

    @Test
    void binsFiniteValuesEquallyFromMinToMaxAndCountsNanSeparately() {
        var histogram = ValueHistogram.of(new double[] {0.0, 0.1, 0.5, 0.9, 1.0, Double.NaN, Double.NaN}, 4);

        assertThat(histogram.finite()).isEqualTo(5);
        assertThat(histogram.nonFinite()).isEqualTo(2);
        assertThat(histogram.min()).isEqualTo(0.0);
        assertThat(histogram.max()).isEqualTo(1.0);
        assertThat(histogram.bins()).extracting(HistogramBin::count).containsExactly(2L, 0L, 1L, 2L);
        assertThat(histogram.bins().get(0).from()).isEqualTo(0.0);
        assertThat(histogram.bins().get(1).from()).isEqualTo(0.25);
        assertThat(histogram.bins().get(3).to()).isEqualTo(1.0);
    }

    @Test
    void theMaximumFallsInTheLastBin() {
        var histogram = ValueHistogram.of(new double[] {1, 2, 3}, 2);

        assertThat(histogram.bins()).extracting(HistogramBin::count).containsExactly(1L, 2L);
    }

    @Test
    void equalValuesMakeOneBin() {
        var histogram = ValueHistogram.of(new double[] {0.7, 0.7, Double.POSITIVE_INFINITY}, 10);

        assertThat(histogram.bins()).containsExactly(new HistogramBin(0.7, 0.7, 2));
        assertThat(histogram.nonFinite()).isEqualTo(1);
    }

    @Test
    void noFiniteValueMakesNoBins() {
        var histogram = ValueHistogram.of(new double[] {Double.NaN}, 10);

        assertThat(histogram.bins()).isEmpty();
        assertThat(histogram.finite()).isZero();
        assertThat(histogram.nonFinite()).isEqualTo(1);
        assertThat(histogram.min()).isNaN();
        assertThat(ValueHistogram.of(new double[0], 3).bins()).isEmpty();
    }

    @Test
    void countsFiniteValuesAtOrAboveAThreshold() {
        assertThat(ValueHistogram.countAtLeast(new double[] {0.5, 1.0, 1.5, Double.NaN}, 1.0)).isEqualTo(2);
    }

    @Test
    void rejectsNonPositiveBinCounts() {
        assertThatThrownBy(() -> ValueHistogram.of(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
