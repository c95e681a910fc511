package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The §1.2 resolution rules, the weight update, the sampler and the configuration's validation. */
class StarAgentsRulesTest {

    static final String MINIMAL = "{\"dataset\":\"seed\",\"pairs\":[\"a\",\"b\",\"c\"],"
            + "\"smallScorer\":{\"model\":\"m\"},\"largeScorer\":{\"endpoint\":\"e\",\"model\":\"big\"}}";

    @Test
    void filtersAndCombinedScoreFollowTheConfiguredRule() {
        var rules = new StarAgentsRules(0.5, 0.3, 1.0, true);
        assertThat(rules.evaluate(0.8, 0.7, OptionalDouble.of(8)).score()).isCloseTo(0.5 * 0.7 + 0.5 * 0.8, within(1e-12));
        assertThat(rules.evaluate(1.0, 0.7, OptionalDouble.of(8)).verdict()).isEqualTo(StarAgentsRules.Verdict.MISALIGNED);
        assertThat(rules.evaluate(0.9, 0.5, OptionalDouble.of(8)).verdict()).isEqualTo(StarAgentsRules.Verdict.TOO_HARD);
        assertThat(rules.evaluate(Double.NaN, 0.5, OptionalDouble.of(8)).verdict())
                .isEqualTo(StarAgentsRules.Verdict.UNSCORED);
        var unparsed = rules.evaluate(0.8, 0.7, OptionalDouble.empty());
        assertThat(unparsed.verdict()).isEqualTo(StarAgentsRules.Verdict.JUDGE_UNPARSED);
        assertThat(unparsed.score()).isNaN();
        var noJudge = new StarAgentsRules(0.5, 0.3, 1.0, false).evaluate(0.8, 0.7, OptionalDouble.empty());
        assertThat(noJudge.score()).isEqualTo(0.7);
        assertThat(noJudge.q()).isNaN();
    }

    @Test
    void theUpdateMovesByBetaTimesTheWinRateAboveTheMeanThenClipsAndRenormalises() {
        Map<Long, Double> start = StarAgentsWeights.uniform(List.of(1L, 2L, 3L));
        Map<Long, Double> next = StarAgentsWeights.update(start, Map.of(1L, 4), Map.of(1L, 4, 2L, 4, 3L, 4), 0.1, 0.01);
        // rates 1, 0, 0; mean 1/3: +0.0667, -0.0333, -0.0333, already summing to 1
        assertThat(next.get(1L)).isCloseTo(1.0 / 3 + 0.1 * 2 / 3, within(1e-12));
        assertThat(next.get(2L)).isCloseTo(1.0 / 3 - 0.1 / 3, within(1e-12));
        Map<Long, Double> skewed = Map.of(1L, 0.98, 2L, 0.01, 3L, 0.01);
        Map<Long, Double> clipped = StarAgentsWeights.update(skewed, Map.of(1L, 1), Map.of(1L, 1), 0.5, 0.01);
        // 0.98 + 0.5 * 2/3 is clipped to 1, the others to p_min; then renormalised: the floor is p_min / sum, above 0
        assertThat(clipped.get(2L)).isCloseTo(0.01 / 1.02, within(1e-12));
        assertThat(clipped.get(1L)).isCloseTo(1 / 1.02, within(1e-12));
        assertThat(clipped.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(StarAgentsWeights.entropy(start)).isCloseTo(Math.log(3), within(1e-12));
        assertThat(StarAgentsWeights.entropy(next)).isLessThan(Math.log(3));
    }

    @Test
    void theSamplerDrawsDistinctPairsAndRepeatsForTheSameSeedRoundAndSample() {
        Map<Long, Double> w = Map.of(1L, 0.5, 2L, 0.3, 3L, 0.2);
        List<Long> first = StarAgentsSampler.sample(w, 3, 42, 1, 7);
        assertThat(first).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(StarAgentsSampler.sample(w, 2, 42, 1, 7)).isEqualTo(first.subList(0, 2));
        int ones = 0;
        for (long sample = 0; sample < 2000; sample++) {
            ones += StarAgentsSampler.sample(w, 1, 42, 1, sample).get(0) == 1L ? 1 : 0;
        }
        assertThat(ones / 2000.0).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aMinimalConfigurationGetsTheDocumentedDefaultsAndRoundTrips() {
        StarAgentsSpec spec = StarAgentsSpec.fromJson(MINIMAL, "run.json");
        assertThat(spec.k()).isEqualTo(3);
        assertThat(spec.alpha()).isEqualTo(0.5);
        assertThat(spec.tauGap()).isEqualTo(0.3);
        assertThat(spec.beta()).isEqualTo(0.1);
        assertThat(spec.pMin()).isEqualTo(0.01);
        assertThat(spec.ifdMax()).isEqualTo(1.0);
        assertThat(spec.judge()).isEmpty();
        assertThat(spec.large().endpoint()).isEqualTo("e");
        assertThat(StarAgentsSpec.fromJson(spec.toConfigJson(), "run 1")).isEqualTo(spec);
    }

    @Test
    void invalidConfigurationsAreRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> StarAgentsSpec.fromJson(MINIMAL.replace("\"pairs\"", "\"k\":4,\"pairs\""), "run.json"))
                .hasMessageContaining("run.json").hasMessageContaining("'k'");
        assertThatThrownBy(() -> StarAgentsSpec.fromJson(MINIMAL.replace("\"pairs\"", "\"alpha\":2,\"pairs\""), "run.json"))
                .hasMessageContaining("'alpha'");
        assertThatThrownBy(() -> StarAgentsSpec.fromJson(MINIMAL.replace("\"pairs\"", "\"alfa\":0.2,\"pairs\""), "x.json"))
                .hasMessageContaining("'alfa' is not a known field");
        assertThatThrownBy(() -> StarAgentsSpec.fromJson(MINIMAL.replace("{\"model\":\"m\"}", "{}"), "run.json"))
                .hasMessageContaining("'smallScorer.model'");
        assertThatThrownBy(() -> StarAgentsSpec.fromJson(MINIMAL.replace("\"pairs\"",
                "\"ifd\":{\"template\":\"chatml\"},\"pairs\""), "run.json")).hasMessageContaining("'ifd.template'");
        assertThatThrownBy(() -> StarAgentsSpec.fromJson(MINIMAL.replace("\"pairs\"",
                "\"responseOnly\":[\"z\"],\"pairs\""), "run.json")).hasMessageContaining("'responseOnly'");
    }
}
