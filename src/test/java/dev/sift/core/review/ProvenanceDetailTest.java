package dev.sift.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.core.store.testing.InstructFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review's account of where an AgentInstruct sample came from, read through {@link SampleDetail#load}. */
class ProvenanceDetailTest {

    @TempDir
    Path dir;

    @Test
    void aRefinedPairShowsItsFactsSeedContentAndEachRound() throws Exception {
        InstructFixture fixture = InstructFixture.create(dir);
        try (ProjectStore store = SqliteProjectStore.open(fixture.file())) {
            SampleDetail detail = SampleDetail.load(store, fixture.pairSampleIds().get(1));

            ProvenanceDetail p = detail.provenance().orElseThrow();
            assertThat(p.summary()).isEqualTo("AgentInstruct · reading-comprehension · inference · 2 rounds of refinement");
            assertThat(p.facts()).extracting(f -> f.label() + ": " + f.value()).startsWith(
                    "Skill: reading-comprehension", "Instruction type: inference", "Transformation: debate",
                    "Refinement: 2 rounds", "Run: run " + fixture.runId())
                    .endsWith("Transformer: debater", "Generator: questioner", "Suggester: critic", "Editor: editor",
                            "Responder: answerer");
            assertThat(p.seedSource()).isEqualTo("oceans/tides.md, chunk 1 (markdown)");
            assertThat(p.seedText()).isEqualTo(InstructFixture.SEED);
            assertThat(p.content()).isEqualTo(InstructFixture.DEBATE);
            assertThat(p.steps()).extracting(ProvenanceDetail.Step::title)
                    .containsExactly("Seed instruction", "Round 1", "Round 2");
            assertThat(p.steps().get(0).instruction()).isEqualTo("What do spring tides depend on?");
            assertThat(p.steps().get(1).suggestions()).containsExactly("Ask about spring tides",
                    "Bring in Ben's argument");
            assertThat(p.steps().get(2).instruction()).isEqualTo(InstructFixture.REFINED);
        }
    }

    @Test
    void anUnrefinedPairSaysSoAnOrdinarySampleHasNoneAndADeletedSeedIsExplained() throws Exception {
        InstructFixture fixture = InstructFixture.create(dir);
        try (ProjectStore store = SqliteProjectStore.open(fixture.file())) {
            ProvenanceDetail unrefined = SampleDetail.load(store, fixture.pairSampleIds().get(0)).provenance()
                    .orElseThrow();
            assertThat(unrefined.summary()).endsWith("· inference · unrefined");
            assertThat(unrefined.steps()).isEmpty();
            assertThat(SampleDetail.load(store, fixture.plainSampleId()).provenance()).isEmpty();

            store.seeds().deleteCollection(store.seeds().findCollection("oceans").orElseThrow().id());
            ProvenanceDetail orphan = SampleDetail.load(store, fixture.pairSampleIds().get(0)).provenance()
                    .orElseThrow();
            assertThat(orphan.seedSource()).isEqualTo("The seed collection has been deleted since.");
            assertThat(orphan.seedText()).isEmpty();
            assertThat(orphan.content()).isEqualTo(InstructFixture.DEBATE);
        }
    }
}
