package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift run generate} and {@code sift runs}: estimate, budget stop, resume without repaying. */
class RunCliIT {

    private static final String ALPACA = Path.of("datasets", "formats", "alpaca.jsonl").toString();

    @TempDir
    Path dir;

    private CliRunner cli;
    private ScriptedOpenAiServer server;
    private String project;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("config"));
        server = ScriptedOpenAiServer.start();
        project = cli.newProject(dir, "small", ALPACA);
        cli.addPricedEndpoint(project, "local", server.baseUrl());
        ok(cli.run("agents", "add", "answerer", "-p", project, "--endpoint", "local", "--model", "tiny",
                "--role", "responder", "--params", "{\"max_tokens\":100}"));
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    private void answers(int count) {
        for (int i = 0; i < count; i++) {
            server.chatReply("answer " + i, new Usage(1_000, 100));
        }
    }

    @Test
    void theEstimateComesFirstAndCostsNothing() {
        CliRunner.Result r = ok(cli.run("run", "generate", "-p", project, "-d", "small", "--agent", "answerer",
                "--estimate"));

        assertThat(r.err()).containsPattern("Estimate: 6 calls, ~[\\d,]+ prompt \\+ ~600 completion tokens");
        assertThat(server.requestCount()).isZero();
        assertThat(cli.run("runs", "-p", project).out()).contains("No runs yet");
    }

    @Test
    void aRunAnswersEverySampleAndIsListedWithItsCost() {
        answers(6);

        CliRunner.Result r = ok(cli.run("run", "generate", "-p", project, "-d", "small", "--agent", "answerer",
                "--json"));

        JsonNode result = r.result();
        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("generated").asInt()).isEqualTo(6);
        // 6 calls x (1000 prompt at $1/M + 100 completion at $2/M) = 6 x 0.0012
        assertThat(result.path("cost").asDouble()).isCloseTo(0.0072, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode run = cli.run("runs", "-p", project, "--json").result().path("runs").get(0);
        assertThat(run.path("done").asInt()).isEqualTo(6);
        assertThat(run.path("tokensIn").asLong()).isEqualTo(6_000);
    }

    @Test
    void aBudgetStopsTheRunCleanlyAndAResumeFinishesItWithoutRepaying() {
        answers(6);

        // the cap allows three calls at their cost (1000 prompt tokens + 100 max_tokens each). The scripted server
        // bills 1000 prompt tokens for a prompt estimated at a few, so calls in flight together would all pass the
        // budget's estimate-based reservation: one at a time shows the stop after real spending.
        CliRunner.Result stopped = ok(cli.run("run", "generate", "-p", project, "-d", "small", "--agent", "answerer",
                "--budget", "0.0040", "--concurrency", "1"));

        assertThat(stopped.out()).contains("stopped").contains("--resume 1");
        int paid = server.requestCount();
        assertThat(paid).isBetween(1, 5);

        CliRunner.Result resumed = ok(cli.run("run", "generate", "-p", project, "--resume", "1", "--agent",
                "answerer", "--json"));

        JsonNode result = resumed.result();
        assertThat(result.path("status").asText()).isEqualTo("succeeded");
        assertThat(result.path("alreadyDone").asInt()).isEqualTo(paid);
        assertThat(result.path("generated").asInt()).isEqualTo(6 - paid);
        assertThat(server.requestCount()).as("no sample was asked twice").isEqualTo(6);
    }
}
