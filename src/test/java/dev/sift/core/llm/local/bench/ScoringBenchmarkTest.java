package dev.sift.core.llm.local.bench;

import dev.sift.core.job.testing.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.job.JobCancelledException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring benchmark on the committed tiny model with tiny sizes; it asserts shape, never speed. */
class ScoringBenchmarkTest {

    private static Path tiny() {
        try {
            return Path.of(ScoringBenchmarkTest.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScoringRequest request() {
        return ScoringRequest.of(tiny()).withLengths(List.of(8, 16)).withSamples(3).withBatchSizes(List.of(1, 2))
                .withThreads(1).withRounds(2);
    }

    @Test
    void reportsEveryLengthAndBatchSizeWithEqualTokensForBothPaths() throws Exception {
        var context = TestContext.running();
        ScoringReport report = new ScoringBenchmark(request()).run(context);

        assertThat(report.model()).isEqualTo("tiny");
        assertThat(report.intraOpThreads()).isEqualTo(1);
        assertThat(report.rows()).extracting(ScoringReport.Row::length, ScoringReport.Row::batchSize)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(8, 1), org.assertj.core.groups.Tuple.tuple(8, 2),
                        org.assertj.core.groups.Tuple.tuple(16, 1), org.assertj.core.groups.Tuple.tuple(16, 2));
        for (ScoringReport.Row row : report.rows()) {
            assertThat(row.samples()).isEqualTo(3);
            assertThat(row.siftTokens()).isEqualTo(row.bareTokens()).isEqualTo(2L * 3 * row.length());
            assertThat(row.siftNanos()).isPositive();
            assertThat(row.bareNanos()).isPositive();
            assertThat(row.meanNll()).isFinite().isPositive();
            assertThat(row.ratio()).isCloseTo((double) row.bareNanos() / row.siftNanos(), within(1e-9));
            assertThat(row.siftSamplesPerSecond() * row.length())
                    .isCloseTo(row.siftTokensPerSecond(), within(1e-6 * row.siftTokensPerSecond()));
            assertThat(row.pairedRatio()).isPositive().isFinite();
            assertThat(row.meetsGoal()).isEqualTo(row.pairedRatio() >= ScoringReport.GOAL);
        }
        ScoringReport.Row one = report.rows().get(0);
        ScoringReport.Row two = report.rows().get(1);
        assertThat(report.siftBatchingSpeedup(one)).isEqualTo(1.0);
        assertThat(report.siftBatchingSpeedup(two))
                .isCloseTo(two.siftSamplesPerSecond() / one.siftSamplesPerSecond(), within(1e-9));
        assertThat(report.bareBatchingSpeedup(two))
                .isCloseTo(two.bareSamplesPerSecond() / one.bareSamplesPerSecond(), within(1e-9));
        // 2 paths x 2 rounds x (3 + 2 batches) per length
        assertThat(context.lastDone()).isEqualTo(context.lastTotal()).isEqualTo(2L * 2 * 2 * (3 + 2));
    }

    @Test
    void bothPathsScoreTheSameBatchesSoTheMeanNllDoesNotDependOnBatchSize() throws Exception {
        ScoringReport report = new ScoringBenchmark(request()).run(TestContext.running());

        assertThat(report.rows().get(1).meanNll()).isCloseTo(report.rows().get(0).meanNll(), within(1e-4));
        assertThat(report.rows().get(3).meanNll()).isCloseTo(report.rows().get(2).meanNll(), within(1e-4));
    }

    @Test
    void batchSpeedupIsUndefinedWithoutOneByOneRow() throws Exception {
        ScoringReport report = new ScoringBenchmark(request().withLengths(List.of(8)).withBatchSizes(List.of(2)))
                .run(TestContext.running());

        assertThat(report.rows()).hasSize(1);
        assertThat(report.siftBatchingSpeedup(report.rows().get(0))).isNaN();
    }

    @Test
    void refusesLengthsBeyondTheContextWindow() {
        assertThatThrownBy(() -> new ScoringBenchmark(request().withLengths(List.of(65))).run(TestContext.running()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context window of 64");
    }

    @Test
    void stopsWhenCancelled() {
        var context = TestContext.cancelledAfter(2);

        assertThatThrownBy(() -> new ScoringBenchmark(request()).run(context))
                .isInstanceOf(JobCancelledException.class);
        assertThat(context.lastDone()).isEqualTo(2);
    }

    @Test
    void thePairedRatioIsTheMedianOfTheBatches() {
        var row = new ScoringReport.Row(8, 1, 3, 48, 48, 300, 100, 0.95, 4.0);

        assertThat(row.ratio()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(row.meetsGoal()).isTrue();
        assertThat(new ScoringReport.Row(8, 1, 3, 48, 48, 100, 100, 0.89, 4.0).meetsGoal()).isFalse();
    }

    @Test
    void requestRejectsNonsense() {
        assertThatThrownBy(() -> request().withSamples(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request().withLengths(List.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request().withBatchSizes(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request().withRounds(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
