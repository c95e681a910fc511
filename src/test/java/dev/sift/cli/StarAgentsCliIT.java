package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.pipeline.StarAgentsLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift run star-agents --config} end to end on a loopback endpoint, then {@code sift runs list|show|resume}. */
class StarAgentsCliIT {

    @TempDir
    Path dir;

    private CliRunner cli;
    private StarAgentsLoopback server;
    private String project;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        server = new StarAgentsLoopback();
        Path seed = dir.resolve("seed.jsonl");
        List<String> lines = new ArrayList<>();
        String[] originals = {"the sun shines .", "the the the the", "the cat sat on the mat ."};
        for (int i = 0; i < 12; i++) {
            lines.add("{\"instruction\":\"" + StarAgentsLoopback.INSTRUCTIONS.get(i % 4) + "\",\"input\":\"\","
                    + "\"output\":\"" + originals[i / 4] + "\"}");
        }
        Files.write(seed, lines);
        project = cli.newProject(dir, "seed", seed.toString());
        cli.addPricedEndpoint(project, "loop", server.baseUrl());
        agent("rewriter", "rewriter", "instruction_rewriter");
        agent("keeper", "rewriter", "instruction_rewriter");
        agent("good", "good", "responder");
        agent("weak", "weak", "responder");
        agent("judge", "judge", "judge");
        ok(cli.run("agents", "pair", "good", "-p", project, "--instruction", "rewriter", "--response", "good"));
        ok(cli.run("agents", "pair", "weak", "-p", project, "--instruction", "rewriter", "--response", "weak"));
        ok(cli.run("agents", "pair", "direct", "-p", project, "--instruction", "keeper", "--response", "weak"));
        Path tiny = Path.of(getClass().getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI()).getParent();
        String model = tiny.toString().replace("\\", "\\\\");
        config = dir.resolve("run.json");
        Files.writeString(config, "{\"dataset\":\"seed\",\"pairs\":[\"good\",\"weak\",\"direct\"],"
                + "\"responseOnly\":[\"direct\"],\"k\":2,\"batchSize\":4,\"rounds\":3,\"seed\":42,"
                + "\"smallScorer\":{\"model\":\"" + model + "\"},\"largeScorer\":{\"model\":\"" + model + "\"},"
                + "\"ifd\":{\"template\":\"none\",\"directMode\":\"response_only\",\"maxLength\":64},"
                + "\"judge\":\"judge\",\"budget\":5}");
    }

    private void agent(String name, String model, String role) {
        ok(cli.run("agents", "add", name, "-p", project, "--endpoint", "loop", "--model", model, "--role", role,
                "--params", "{\"max_tokens\":16}"));
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    @Test
    void aSmallRunGoesEndToEndAndRunsShowPrintsItsWeightsWinsAndCost() throws Exception {
        CliRunner.Result run = ok(cli.run("run", "star-agents", "-p", project, "--config", config.toString()));

        assertThat(run.out()).contains("Run 1 succeeded: 3 of 3 rounds, 12 of 12 seeds decided");
        CliRunner.Result show = ok(cli.run("runs", "show", "1", "-p", project));
        assertThat(show.out()).contains("Run 1  star-agents  dataset seed  succeeded", "Pair probabilities by round:",
                "ENTROPY", "PAIR", "WINS", "DRAWS", "MODEL", "TOKENS IN", "\"judge\":\"judge\"").containsPattern("(?m)^3 +0\\.\\d{4}");
        JsonNode json = lastLine(ok(cli.run("runs", "show", "1", "-p", project, "--json")));
        JsonNode rounds = json.path("rounds");
        assertThat(rounds).hasSize(4);
        assertThat(rounds.get(3).path("weights").path("good").asDouble())
                .isGreaterThan(rounds.get(0).path("weights").path("good").asDouble());
        assertThat(rounds.get(3).path("entropy").asDouble()).isLessThan(rounds.get(0).path("entropy").asDouble());
        assertThat(json.path("pairs").path("good").path("wins").asInt())
                .isEqualTo(json.path("pairs").path("good").path("draws").asInt()).isPositive();
        assertThat(json.path("pairs").path("weak").path("wins").asInt()).isZero();
        assertThat(json.path("cost").asDouble()).isPositive();
        assertThat(json.path("tokensIn").asLong()).isPositive();
        assertThat(json.path("models").path("good").path("calls").asInt()).isEqualTo(
                json.path("pairs").path("good").path("draws").asInt());
        assertThat(json.path("models").path("judge").path("cost").asDouble()).isPositive();
        // the judge rated what passed the IFD filters; its ratings against response length are reported
        assertThat(json.path("judge").path("rated").asInt()).isPositive();
        assertThat(json.path("judge").path("unparsed").asInt()).isZero();
        assertThat(show.out()).containsPattern("Judge: \\d+ rated, 0 unparsed; mean rating \\d+\\.\\d{2};"
                + " correlation of rating with response length (n/a|-?\\d\\.\\d{2})");

        assertThat(ok(cli.run("runs", "list", "-p", project)).out()).contains("star-agents", "succeeded", "12/12");
        assertThat(ok(cli.run("runs", "-p", project)).out()).as("the old form still lists").contains("star-agents");

        int calls = server.totalCalls();
        CliRunner.Result resumed = ok(cli.run("runs", "resume", "1", "-p", project));
        assertThat(resumed.out()).contains("Run 1 succeeded: 3 of 3 rounds, 12 of 12 seeds decided");
        assertThat(server.totalCalls()).as("a finished run asks nothing again").isEqualTo(calls);
    }

    @Test
    void aConfigurationErrorNamesTheFileAndTheField() throws Exception {
        Files.writeString(config, Files.readString(config).replace("\"k\":2", "\"k\":7"));

        CliRunner.Result r = cli.run("run", "star-agents", "-p", project, "--config", config.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("run.json", "field 'k'");
        assertThat(server.totalCalls()).isZero();
    }

    @Test
    void runsResumeDispatchesAGenerateRunToItsAgent() {
        ok(cli.run("run", "generate", "-p", project, "-d", "seed", "--agent", "good"));
        int calls = server.totalCalls();

        CliRunner.Result r = ok(cli.run("runs", "resume", "1", "-p", project));

        assertThat(r.out()).contains("Run 1 succeeded", "12 already done");
        assertThat(server.totalCalls()).isEqualTo(calls);
        assertThat(cli.run("runs", "resume", "99", "-p", project).err()).contains("No run 99");
    }

    private static JsonNode lastLine(CliRunner.Result r) throws Exception {
        String[] lines = r.out().strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }
}
