package dev.sift.ui.common.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.store.ProjectStore;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsModelTest {

    @TempDir
    Path dir;

    private ProjectStore store;
    private StarAgentsRunFixture run;
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();

    @BeforeEach
    void open() throws Exception {
        store = TestProjects.withSamples(dir, "p", 6);
        run = StarAgentsRunFixture.create(store, store.datasets().list().get(0).id(), 3);
        run.round(1, 0.7, 0, 2, 2, 2);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void showsEachPairsProbabilityPerRoundTheEntropyAndTheWins() throws Exception {
        run.call("big-model", 1, 100, 20, 0.01);
        run.call("big-model", 2, 50, 10, 0.005);
        run.call("small-model", 3, 30, 40, 0.0);
        var model = new WeightsModel(jobs);
        model.load(store, run.runId());

        assertThat(model.series()).extracting(WeightsSnapshot.PairSeries::pair).containsExactly("plain", "rewrite");
        assertThat(model.series().get(1).points()).extracting(WeightsSnapshot.RoundValue::round).containsExactly(0, 1);
        assertThat(model.series().get(1).points().get(1).value()).isCloseTo(0.7, within(1e-12));
        assertThat(model.series().get(0).points().get(1).value()).isCloseTo(0.3, within(1e-12));
        assertThat(model.entropy()).hasSize(2);
        assertThat(model.entropy().get(0).value()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(model.entropy().get(1).value())
                .isCloseTo(-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)), within(1e-12));
        assertThat(model.wins()).containsExactly(new WeightsSnapshot.PairWins("plain", 0, 2),
                new WeightsSnapshot.PairWins("rewrite", 2, 2));
        assertThat(model.usage()).hasSize(2);
        assertThat(model.usage().get(0).model()).isEqualTo("big-model");
        assertThat(model.usage().get(0).calls()).isEqualTo(2);
        assertThat(model.usage().get(0).tokensIn()).isEqualTo(150);
        assertThat(model.usage().get(0).costUsd()).isCloseTo(0.015, within(1e-12));
        assertThat(model.titleProperty().get()).isEqualTo("run " + run.runId()
                + " · round 1 of 3 · entropy 0.61 · 250 tokens · $0.0150");
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void refreshAddsTheNewRoundAndStopsRunningWhenTheRunFinished() throws Exception {
        var model = new WeightsModel(jobs);
        model.load(store, run.runId());
        run.round(2, 0.8, 1, 2, 1, 2);
        run.finish();
        model.refresh();

        assertThat(model.series().get(1).points()).extracting(WeightsSnapshot.RoundValue::round)
                .containsExactly(0, 1, 2);
        assertThat(model.wins()).containsExactly(new WeightsSnapshot.PairWins("plain", 1, 4),
                new WeightsSnapshot.PairWins("rewrite", 3, 4));
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).endsWith("round 2 of 3 · entropy 0.50 · 0 tokens · $0.0000 · succeeded");
    }

    @Test
    void theCostPerModelIsReadAgainWhenARoundArrivesWhileTheRunsTotalsAreAlwaysCurrent() throws Exception {
        run.call("big-model", 1, 100, 20, 0.01);
        var model = new WeightsModel(jobs);
        model.load(store, run.runId());
        run.call("big-model", 2, 50, 10, 0.005);
        model.refresh();

        assertThat(model.usage()).extracting(WeightsSnapshot.ModelUsage::calls).containsExactly(1);
        assertThat(model.titleProperty().get()).endsWith("180 tokens · $0.0150");

        run.round(2, 0.8, 1, 2, 1, 2);
        model.refresh();
        assertThat(model.usage()).extracting(WeightsSnapshot.ModelUsage::calls).containsExactly(2);
    }

    @Test
    void aRoundRecordedAgainCountsItsWinsOnce() throws Exception {
        run.round(1, 0.7, 0, 2, 2, 2);
        var model = new WeightsModel(jobs);
        model.load(store, run.runId());

        assertThat(model.wins()).containsExactly(new WeightsSnapshot.PairWins("plain", 0, 2),
                new WeightsSnapshot.PairWins("rewrite", 2, 2));
        assertThat(model.entropy()).hasSize(2);
    }

    @Test
    void anUnknownRunIsSaidAndNotRunning() {
        var model = new WeightsModel(jobs);
        model.load(store, 999);

        assertThat(model.messageProperty().get()).contains("run 999").contains("No run 999");
        assertThat(model.series()).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void clearShowsNothing() {
        var model = new WeightsModel(jobs);
        model.load(store, run.runId());
        model.clear();
        model.refresh();

        assertThat(model.series()).isEmpty();
        assertThat(model.titleProperty().get()).isEmpty();
        assertThat(jobs.queries()).hasSize(1);
    }
}
