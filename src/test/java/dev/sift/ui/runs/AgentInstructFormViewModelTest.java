package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.agentinstruct.Emit;
import dev.sift.core.pipeline.AgentInstructLoopback;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AgentInstruct form without a toolkit: its choices, its problems naming fields, its estimate and its run. */
class AgentInstructFormViewModelTest {

    @TempDir
    Path dir;

    ProjectStore store;
    AgentInstructFormViewModel form;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        AgentInstructLoopback.setUpProject(store, "http://127.0.0.1:9/v1");
        form = new AgentInstructFormViewModel();
        form.load(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    SkillChoice skill(String name) {
        return form.skills().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void offersTheCollectionsSkillsAndAgentsAndFillsRolesWithTheirOnlyAgent() {
        assertThat(form.collectionProperty().get().name()).isEqualTo("seeds");
        assertThat(form.skills()).extracting(SkillChoice::name).contains("reading-comprehension", "tool-use",
                "fermi", "coding", "text-modification", "open-domain-qa");
        assertThat(form.agentProperty("transformer").get()).isEqualTo("transformer");
        assertThat(form.agentProperty("responder").get()).isEqualTo("responder");
        assertThat(form.agentProperty("generator").get()).isEqualTo("generator");
        assertThat(form.agentNames()).contains("", "generator", "judge");
    }

    @Test
    void problemsNameTheFieldAndAValidFormEstimatesTheCallsAndCreatesTheRun() throws Exception {
        assertThat(form.problemProperty().get()).contains("field 'skills'");
        skill("fermi").selectedProperty().set(true);
        skill("coding").selectedProperty().set(true);
        skill("coding").weightProperty().set("x");
        assertThat(form.problemProperty().get()).contains("field 'skills.coding' must be a number");
        skill("coding").weightProperty().set("3");
        form.agentProperty("generator").set("");
        assertThat(form.problemProperty().get()).contains("field 'agents.generator'");
        form.agentProperty("generator").set("generator");
        form.field("rounds").set("-2");
        assertThat(form.problemProperty().get()).contains("field 'rounds' must not be negative");
        form.field("rounds").set("2");
        form.field("suggestions").set("3");
        form.emitProperty().set("all");
        form.field("budget").set("0.5");

        assertThat(form.problemProperty().get()).isEmpty();
        // 4 chunks × 1 skill × 2 transformations × 2 instructions = 16; per instruction 2 suggester, 6 editor and
        // 1 + 2×3 = 7 answers
        assertThat(form.estimateProperty().get()).contains("4 seed chunks → 8 contents → 16 instructions → 112 pairs",
                "generator 16, suggester 32, editor 96, responder 112");
        AgentInstructSpec spec = form.spec().orElseThrow();
        assertThat(spec.skills()).containsEntry("coding", 3.0).containsEntry("fermi", 1.0);
        assertThat(spec.emit()).isEqualTo(Emit.ALL);
        assertThat(spec.budgetUsd()).hasValue(0.5);
        assertThat(spec.dataset()).isEqualTo("seeds-agentinstruct");

        var run = form.create(store).orElseThrow();
        assertThat(run.recipe()).isEqualTo("agentinstruct");
        assertThat(store.datasets().find(run.datasetId()).orElseThrow().name()).isEqualTo("seeds-agentinstruct");
        assertThat(form.create(store)).as("the dataset name is taken now").isEmpty();
        assertThat(form.problemProperty().get()).contains("field 'dataset'");
    }

    @Test
    void aSkillFileInTheProjectsFolderIsOfferedAndABrokenOneIsReported() throws Exception {
        Path skills = Files.createDirectories(dir.resolve("skills"));
        Files.writeString(skills.resolve("broken.json"), "{\"name\":\"broken\"}");
        form.load(store);
        assertThat(form.problemProperty().get()).contains("broken.json: field 'seedKinds' is missing");

        Files.delete(skills.resolve("broken.json"));
        Files.copy(Path.of(getClass().getResource("/dev/sift/core/agentinstruct/skills/fermi.json").toURI()),
                skills.resolve("fermi.json"));
        Files.writeString(skills.resolve("fermi.json"), Files.readString(skills.resolve("fermi.json"))
                .replace("\"name\": \"fermi\"", "\"name\": \"my-fermi\""));
        form.load(store);
        assertThat(form.skills()).extracting(SkillChoice::name).contains("my-fermi", "fermi");
    }
}
