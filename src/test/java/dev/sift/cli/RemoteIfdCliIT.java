package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.llm.testing.VllmTokenServer;
import dev.sift.core.store.Score;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift score ifd --endpoint NAME --model ID} against a loopback server scripted as vLLM. */
class RemoteIfdCliIT {

    private static final String SAMPLE = Path.of("datasets", "sample", "sift-sample.json").toString();
    private static final int MAX_MODEL_LEN = 129;

    @TempDir
    Path dir;

    private CliRunner cli;
    private ScriptedOpenAiServer server;
    private VllmTokenServer vllm;
    private String project;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("config"));
        server = ScriptedOpenAiServer.start();
        vllm = VllmTokenServer.install(server, MAX_MODEL_LEN);
        project = cli.newProject(dir, "sample", SAMPLE);
        ok(cli.run("endpoints", "add", "vllm", "-p", project, "--url", server.baseUrl()));
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void scoresOnTheEndpointRecordsTheRemoteScorerAndResumes() throws Exception {
        JsonNode scored = ok(cli.run("score", "ifd", "-p", project, "-d", "sample", "--endpoint", "vllm", "--model",
                "llama-7b", "--mode", "superfiltering", "--json")).result();

        int total = scored.path("total").asInt();
        assertThat(total).isGreaterThan(50);
        assertThat(scored.path("scored").asInt() + scored.path("unscorable").asInt()).isEqualTo(total);
        assertThat(scored.path("settings").asText()).as("the window is vLLM's less the generated token")
                .isEqualTo("none/response_only/concatenate/" + (MAX_MODEL_LEN - 1));
        assertThat(scored.path("withScore").asInt()).isPositive();
        try (var store = SqliteProjectStore.open(Path.of(project))) {
            long datasetId = store.datasets().findByName("sample").orElseThrow().id();
            List<Score> scores = store.scores().list(datasetId, "ifd", "endpoint vllm/llama-7b",
                    "none/response_only/concatenate/" + (MAX_MODEL_LEN - 1));
            assertThat(scores).hasSize(total);
            assertThat(scores).filteredOn(s -> Double.isFinite(s.value())).isNotEmpty()
                    .allMatch(s -> s.value() > 0);
        }
        assertThat(vllm.completionBodies()).isNotEmpty().allMatch(b -> b.path("model").asText().equals("llama-7b")
                && b.path("prompt_logprobs").asInt(-1) == 0 && b.path("max_tokens").asInt() == 1);

        int requests = server.requestCount();
        CliRunner.Result again = ok(cli.run("score", "ifd", "-p", project, "-d", "sample", "--endpoint", "vllm",
                "--model", "llama-7b", "--mode", "superfiltering"));
        assertThat(again.out()).contains("0 scored, 0 not scorable, " + total + " already done of " + total);
        assertThat(server.requestCount() - requests).as("only the window is asked for again").isEqualTo(1);
    }

    @Test
    void aServerWithoutTokenLevelScoringFailsWithAClearMessage() {
        server.close();
        server = ScriptedOpenAiServer.start();
        VllmTokenServer.installWithoutTokenize(server);
        ok(cli.run("endpoints", "add", "llamacpp", "-p", project, "--url", server.baseUrl()));

        CliRunner.Result r = cli.run("score", "ifd", "-p", project, "-d", "sample", "--endpoint", "llamacpp",
                "--model", "m");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("llamacpp at " + server.baseUrl() + ": cannot score token ids (it has no "
                + "/tokenize endpoint)").contains("vLLM").contains("in-process model folder");
    }

    @Test
    void anUnknownEndpointIsAUsageError() {
        CliRunner.Result r = cli.run("score", "ifd", "-p", project, "-d", "sample", "--endpoint", "nope", "--model",
                "m");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("No endpoint 'nope'");
    }
}
