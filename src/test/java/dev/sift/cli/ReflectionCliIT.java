package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.pipeline.ReflectionLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sift run reflection --config} end to end on the scripted loopback teacher with the tiny student, then
 * {@code sift export --accepted} writes exactly the selected versions, and {@code sift runs resume} asks nothing again.
 */
class ReflectionCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner cli;
    private ReflectionLoopback server;
    private String project;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        server = new ReflectionLoopback();
        Path data = dir.resolve("reflect.jsonl");
        Files.write(data, List.of(
                "{\"instruction\":\"Write a poem\",\"input\":\"\",\"output\":\"word0 word1\"}",
                "{\"instruction\":\"Describe photosynthesis\",\"input\":\"\",\"output\":\"foo bar baz qux quux\"}",
                "{\"instruction\":\"Describe photosynthesis\",\"input\":\"\",\"output\":\"word0 word1\"}",
                "{\"instruction\":\"Write a poem\",\"input\":\"\",\"output\":\"it is a very happy day .\"}"));
        project = cli.newProject(dir, "reflect", data.toString());
        cli.addPricedEndpoint(project, "loop", server.baseUrl());
        ok(cli.run("agents", "add", "teacher", "-p", project, "--endpoint", "loop", "--model", "teacher", "--role",
                "teacher", "--params", "{\"temperature\":0,\"max_tokens\":256}"));
        Path tiny = Path.of(getClass().getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI()).getParent();
        config = dir.resolve("reflection.json");
        Files.writeString(config, ReflectionLoopback.config(tiny, "\"budget\":5"));
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void aRunDecidesEverySampleAndTheExportHoldsTheSelectedVersions() throws Exception {
        CliRunner.Result run = ok(cli.run("run", "reflection", "-p", project, "--config", config.toString()));

        assertThat(run.out()).contains("Run 1 succeeded: 4 of 4 samples decided, 3 kept")
                .containsPattern("QA accepted +1").containsPattern("A accepted +2").containsPattern("dropped +1");
        Path out = dir.resolve("curated.jsonl");
        ok(cli.run("export", "-p", project, "--accepted", "-f", "alpaca-jsonl", "-o", out.toString()));
        List<String> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode r = JSON.readTree(line);
            records.add(r.path("instruction").asText() + " / " + r.path("output").asText());
        }
        assertThat(records).containsExactly(
                "Explain why rivers flow downhill in detail / word0 word1 word2 word3",
                "Describe photosynthesis / word0 word1",
                "Write a poem / word0 word1");

        int calls = server.calls();
        CliRunner.Result resumed = ok(cli.run("runs", "resume", "1", "-p", project, "--json"));
        JsonNode result = JSON.readTree(resumed.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("branches").path("A accepted").asInt()).isEqualTo(2);
        assertThat(server.calls()).as("a finished run asks nothing again").isEqualTo(calls);
        assertThat(ok(cli.run("runs", "list", "-p", project)).out()).contains("reflection", "succeeded");
        assertThat(ok(cli.run("runs", "show", "1", "-p", project)).out())
                .containsPattern("QA accepted +1").containsPattern("A accepted +2").containsPattern("dropped +1")
                .containsPattern("outside top-k +0");
        JsonNode shown = JSON.readTree(ok(cli.run("runs", "show", "1", "-p", project, "--json")).out());
        assertThat(shown.path("branches").path("dropped").asInt()).isEqualTo(1);
    }

    @Test
    void aConfigurationErrorNamesTheFileAndTheField() throws Exception {
        Files.writeString(config, Files.readString(config).replace("\"teacher\":\"teacher\"", "\"teacher\":\"nobody\""));

        CliRunner.Result r = cli.run("run", "reflection", "-p", project, "--config", config.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("field 'teacher'", "nobody");
        assertThat(server.calls()).isZero();
    }
}
