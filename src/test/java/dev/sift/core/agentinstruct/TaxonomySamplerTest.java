package dev.sift.core.agentinstruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The taxonomy draws spread over every type and depend only on the seed and the position. */
class TaxonomySamplerTest {

    final Skill rc = SkillLibrary.builtIn().find("reading-comprehension").orElseThrow();

    @Test
    void everyTypeAppearsOnceInEachBlockOfAsManyDrawsAsThereAreTypes() {
        var sampler = new TaxonomySampler(rc, 42);
        int n = rc.taxonomy().size();
        for (int block = 0; block < 5; block++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                seen.add(sampler.draw((long) block * n + i).type());
            }
            assertThat(seen).as("block " + block).hasSize(n);
        }
    }

    @Test
    void overManyDrawsTheCountsOfTheTypesDifferByAtMostOne() {
        var sampler = new TaxonomySampler(rc, 7);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 1000;
        for (int p = 0; p < draws; p++) {
            counts.merge(sampler.draw(p).type(), 1, Integer::sum);
        }
        assertThat(counts).hasSize(rc.taxonomy().size());
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void drawsAreReproducibleAndTheOrderDependsOnTheSeed() {
        var a = new TaxonomySampler(rc, 1);
        var b = new TaxonomySampler(rc, 1);
        var c = new TaxonomySampler(rc, 2);
        StringBuilder sa = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        StringBuilder sc = new StringBuilder();
        for (int p = 0; p < 40; p++) {
            sa.append(a.draw(p).type()).append(',');
            sb.append(b.draw(p).type()).append(',');
            sc.append(c.draw(p).type()).append(',');
        }
        assertThat(sa.toString()).isEqualTo(sb.toString()).isNotEqualTo(sc.toString());
        assertThat(a.draw(5)).isEqualTo(new TaxonomySampler(rc, 1).draw(5));
    }
}
