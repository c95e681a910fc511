package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder as an endpoint: added, tested and chatted with from the command line, fully offline. */
class LocalModelCliIT {

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;
    private String model;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        project = dir.resolve("p.sift").toString();
        model = Path.of(LocalModelCliIT.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent().toString();
        assertThat(cli.run("new", project).exitCode()).isZero();
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void aLocalEndpointAnswersThroughTheSameEngine() {
        CliRunner.Result added = cli.run("endpoints", "add", "tiny", "-p", project, "--local", model);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("in process: ");

        CliRunner.Result test = cli.run("endpoints", "test", "tiny", "-p", project);
        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(test.out()).contains("1 models: tiny");

        assertThat(cli.run("agents", "add", "writer", "-p", project, "--endpoint", "tiny", "--model", "tiny@plain",
                "--role", "responder", "--params", "{\"max_tokens\":8}").exitCode()).isZero();
        CliRunner.Result chat = cli.run("chat", "-p", project, "--agent", "writer", "--json", "the", "cat");

        assertThat(chat.exitCode()).as(chat.err()).isZero();
        // the tiny model's greedy continuation of "the cat" (see bench/models/make_tiny_model.py)
        assertThat(chat.result().path("text").asText()).isEqualTo("is very big .");
    }

    @Test
    void urlAndLocalAreExclusive() {
        CliRunner.Result both = cli.run("endpoints", "add", "x", "-p", project, "--local", model, "--url",
                "http://127.0.0.1:1/v1");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("endpoints", "add", "x", "-p", project).exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
