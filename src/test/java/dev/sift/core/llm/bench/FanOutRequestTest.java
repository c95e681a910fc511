package dev.sift.core.llm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FanOutRequestTest {

    private static FanOutRequest at(long latencyMs, Integer... concurrencies) {
        return FanOutRequest.of("http://127.0.0.1:1/v1", Duration.ofMillis(latencyMs), List.of(concurrencies));
    }

    @ParameterizedTest
    @CsvSource({
        // latency ms, concurrency, requests: max(8c, 400), at most 10 s at the limit, whole rounds
        "200, 8, 400",
        "200, 64, 512",
        "200, 256, 2048",
        "200, 1, 50",
        "2000, 8, 40",
        "50, 3, 402",
    })
    void defaultRequestsAreWholeRoundsThatFitTheLevelTime(long latencyMs, int c, int expected) {
        assertThat(at(latencyMs, c).requestsFor(c)).isEqualTo(expected);
    }

    @Test
    void explicitRequestsAreRoundedUpToWholeRounds() {
        FanOutRequest request = at(200, 8, 64).withRequests(20);

        assertThat(request.requestsFor(8)).isEqualTo(24);
        assertThat(request.requestsFor(64)).isEqualTo(64);
        assertThat(request.maxConcurrency()).isEqualTo(64);
    }

    @Test
    void rejectsWhatCannotBeMeasured() {
        assertThatThrownBy(() -> at(0, 8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> at(200)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
        assertThatThrownBy(() -> at(200, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> at(200, 8).withRequests(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at(200, 8).withMaxWarmUp(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBaselineNeedsPlainHttp() {
        assertThat(RawHttpBaseline.forUrl("http://127.0.0.1:8000/v1", "{}", 1000)).isPresent();
        assertThat(RawHttpBaseline.forUrl("https://api.example.com/v1", "{}", 1000)).isEmpty();
        assertThat(RawHttpBaseline.forUrl("not a url", "{}", 1000)).isEmpty();
    }
}
