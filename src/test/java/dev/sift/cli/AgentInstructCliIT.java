package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.Sample;
import dev.sift.core.pipeline.AgentInstructLoopback;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line: {@code sift seeds import} of the sample seed documents in
 * {@code datasets/seeds/}, {@code sift run agentinstruct --config} against a scripted loopback endpoint, then
 * {@code sift export} of the new dataset; every pair's provenance is complete.
 */
class AgentInstructCliIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRunner cli;
    AgentInstructLoopback server;
    String project;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        server = new AgentInstructLoopback();
        project = cli.newProject(dir);
        ok(cli.run("seeds", "import", "-p", project, "-n", "samples", Path.of("datasets", "seeds").toString()));
        cli.addPricedEndpoint(project, "loop", server.baseUrl());
        for (String role : List.of("transformer", "generator:teacher", "suggester", "editor", "responder")) {
            String name = role.split(":")[0];
            String kind = role.contains(":") ? role.split(":")[1] : name;
            ok(cli.run("agents", "add", name, "-p", project, "--endpoint", "loop", "--model", name, "--role", kind,
                    "--params", "{\"max_tokens\":64}"));
        }
        config = dir.resolve("agentinstruct.json");
        Files.writeString(config, "{\"seeds\":\"samples\",\"skills\":{\"reading-comprehension\":1,"
                + "\"text-modification\":1,\"fermi\":1,\"open-domain-qa\":1,\"coding\":1,\"tool-use\":1},"
                + "\"agents\":{\"transformer\":\"transformer\",\"generator\":\"generator\","
                + "\"suggester\":\"suggester\",\"editor\":\"editor\",\"responder\":\"responder\"},"
                + "\"transformationsPerChunk\":1,\"instructionsPerContent\":1,\"rounds\":1,\"suggestions\":2,"
                + "\"seed\":3,\"dataset\":\"generated\",\"budget\":5}");
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void seedsBecomeAnExportedDatasetWhosePairsCarryTheirWholeProvenance() throws Exception {
        CliRunner.Result run = ok(cli.run("run", "agentinstruct", "-p", project, "--config", config.toString(),
                "--json"));

        String[] lines = run.out().strip().split("\n");
        JsonNode result = JSON.readTree(lines[lines.length - 1]);
        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("dataset").asText()).isEqualTo("generated");
        assertThat(result.path("flows").asText()).contains("transformed", "refined", "answered");
        int pairs = result.path("pairs").asInt();
        assertThat(pairs).isPositive();
        assertThat(server.repaid()).isZero();

        Path out = dir.resolve("generated.jsonl");
        ok(cli.run("export", "-p", project, "-d", "generated", "-f", "messages-jsonl", "-o", out.toString()));
        List<String> exported = Files.readAllLines(out);
        assertThat(exported).hasSize(pairs);
        assertThat(exported.get(0)).contains("\"messages\"", "\"assistant\"", "Answer ");

        Set<String> skills = new HashSet<>();
        try (ProjectStore store = SqliteProjectStore.open(Path.of(project))) {
            long datasetId = store.datasets().findByName("generated").orElseThrow().id();
            long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
            assertThat(ids).hasSize(pairs);
            for (Sample sample : store.samples().fetch(ids, 0, ids.length)) {
                var p = store.instruct().provenance(sample.id()).orElseThrow(() -> new AssertionError(
                        "sample " + sample.id() + " has no provenance"));
                PairProvenance pv = p.pair().provenance();
                skills.add(pv.skill());
                assertThat(pv.instructionType()).isNotBlank();
                assertThat(pv.refinementRound()).isEqualTo(1);
                assertThat(pv.agents()).containsKeys(PairProvenance.GENERATOR, PairProvenance.SUGGESTER,
                        PairProvenance.EDITOR, PairProvenance.RESPONDER);
                assertThat(pv.steps()).hasSize(2);
                assertThat(pv.steps().get(1).suggestions()).hasSize(2);
                assertThat(p.content().id()).isEqualTo(pv.contentId());
                assertThat(p.content().text()).isNotBlank();
                assertThat(p.seed()).as("the seed passage of sample " + sample.id()).isPresent();
                assertThat(p.seed().get().source()).contains("seeds");
                if (!p.content().transformation().equals("identity")) {
                    assertThat(pv.agents()).containsEntry(PairProvenance.TRANSFORMER, "transformer");
                }
            }
        }
        assertThat(skills).as("prose and code seeds both feed skills").contains("coding").hasSizeGreaterThan(1);

        int calls = server.totalCalls();
        CliRunner.Result resumed = ok(cli.run("runs", "resume", "1", "-p", project));
        assertThat(resumed.out()).contains("Run 1 succeeded", pairs + " pairs in dataset generated");
        assertThat(server.totalCalls()).as("a finished run asks nothing again").isEqualTo(calls);
        assertThat(ok(cli.run("runs", "list", "-p", project)).out()).contains("agentinstruct", "succeeded");
        CliRunner.Result show = ok(cli.run("runs", "show", "1", "-p", project));
        assertThat(show.out()).contains("Run 1  agentinstruct  dataset generated  succeeded", "INSTRUCTION TYPE",
                "REFINEMENT ROUNDS", "\"skillDefinitionsKept\":[").doesNotContain("\"skillDefinitions\":{");
        String[] shown = ok(cli.run("runs", "show", "1", "-p", project, "--json")).out().strip().split("\n");
        JsonNode json = JSON.readTree(shown[shown.length - 1]);
        int byType = 0;
        for (JsonNode t : json.path("instructionTypes")) {
            byType += t.path("pairs").asInt();
        }
        assertThat(byType).isEqualTo(pairs);
        assertThat(json.path("refinementRounds").get(0).path("rounds").asInt()).isEqualTo(1);
    }

    @Test
    void aSkillFileWithAnErrorIsReportedWithTheFileAndTheField() throws Exception {
        Path skills = Files.createDirectories(dir.resolve("my-skills"));
        Path bad = skills.resolve("quiz.json");
        Files.writeString(bad, "{\"name\":\"quiz\",\"seedKinds\":[\"text\"],\"transformations\":[{\"name\":"
                + "\"identity\"}],\"generator\":{\"prompt\":\"{{type}}\"},\"taxonomy\":[{\"type\":\"a\","
                + "\"description\":\"x\"},{\"description\":\"no type\"}],\"refinement\":{\"goals\":[\"g\"],"
                + "\"suggester\":{\"prompt\":\"{{instruction}}\"},\"editor\":{\"prompt\":\"{{instruction}} "
                + "{{suggestion}}\"}},\"response\":{\"prompt\":\"{{instruction}}\"}}");

        CliRunner.Result check = cli.run("skills", "check", bad.toString());
        assertThat(check.exitCode()).isNotZero();
        assertThat(check.err()).contains(bad.toString() + ": field 'taxonomy[1].type' is missing");

        CliRunner.Result run = cli.run("run", "agentinstruct", "-p", project, "--config", config.toString(),
                "--skills", skills.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("quiz.json: field 'taxonomy[1].type' is missing");
        assertThat(server.totalCalls()).isZero();

        Files.writeString(bad, Files.readString(bad).replace("{\"description\":\"no type\"}",
                "{\"type\":\"b\",\"description\":\"fixed\"}"));
        assertThat(ok(cli.run("skills", "check", bad.toString())).out()).contains("skill 'quiz' is valid");
        assertThat(ok(cli.run("skills", "list", "--skills", skills.toString())).out()).contains("quiz",
                "reading-comprehension", "tool-use");
        assertThat(ok(cli.run("skills", "show", "reading-comprehension")).out()).contains("lsat-flaw",
                "argument-passage", "Refinement goals:");
        CliRunner.Result badField = cli.run("run", "agentinstruct", "-p", project, "--config",
                Files.writeString(dir.resolve("bad.json"), Files.readString(config).replace("\"rounds\":1",
                        "\"rounds\":\"one\"")).toString());
        assertThat(badField.err()).contains("bad.json", "field 'rounds'");
    }
}
