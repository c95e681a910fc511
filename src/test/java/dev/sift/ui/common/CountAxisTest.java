package dev.sift.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountAxisTest {

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "5, 1", "6, 2", "18, 5", "20, 5", "26, 10", "49, 10", "51, 20", "12000, 5000"})
    void tickUnitsAreWholeNumbersGivingAboutFiveTicks(long peak, long expectedUnit) {
        assertThat(CountAxis.wholeTickUnit(peak)).isEqualTo(expectedUnit);
    }
}
