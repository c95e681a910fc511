package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift endpoints add --local FOLDER --template NAME}, and the template in {@code endpoints list}. */
class EndpointTemplateCliIT {

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;
    private String model;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        project = dir.resolve("p.sift").toString();
        model = Path.of(EndpointTemplateCliIT.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent().toString();
        assertThat(cli.run("new", project).exitCode()).isZero();
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void theEndpointsTemplateServesAgentsWhoseModelNamesNone() {
        CliRunner.Result added = cli.run("endpoints", "add", "tiny", "-p", project, "--local", model,
                "--template", "PLAIN");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("chat template plain");

        CliRunner.Result list = cli.run("endpoints", "list", "-p", project);
        assertThat(list.out()).contains("TEMPLATE").containsPattern("tiny .* plain");
        assertThat(cli.run("endpoints", "list", "-p", project, "--json").result().path("endpoints").get(0)
                .path("chatTemplate").asText()).isEqualTo("plain");

        assertThat(cli.run("agents", "add", "writer", "-p", project, "--endpoint", "tiny", "--model", "tiny",
                "--role", "responder", "--params", "{\"max_tokens\":8}").exitCode()).isZero();
        CliRunner.Result chat = cli.run("chat", "-p", project, "--agent", "writer", "--json", "the", "cat");
        assertThat(chat.exitCode()).as(chat.err()).isZero();
        assertThat(chat.result().path("text").asText()).isEqualTo("is very big .");
    }

    @Test
    void withoutATemplateTheFolderIsAskedAndListSaysWhatItFound() {
        CliRunner.Result added = cli.run("endpoints", "add", "tiny", "-p", project, "--local", model);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("not found in the folder: choose one with --template");

        assertThat(cli.run("endpoints", "list", "-p", project).out()).contains("detect (none)");
    }

    @Test
    void anUnknownTemplateOrOneForAServerIsAUsageErrorListingTheChoices() {
        CliRunner.Result unknown = cli.run("endpoints", "add", "x", "-p", project, "--local", model,
                "--template", "jinja");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("jinja").contains("chatml, llama3");

        CliRunner.Result server = cli.run("endpoints", "add", "y", "-p", project, "--url", "http://127.0.0.1:1/v1",
                "--template", "chatml");
        assertThat(server.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.err()).contains("--template applies only to --local");
        assertThat(cli.run("endpoints", "list", "-p", project, "--json").result().path("endpoints")).isEmpty();
    }
}
