package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift seeds import | list | show | delete} on the sample seed documents. */
class SeedsCliIT {

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("config"));
        project = cli.newProject(dir);
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void importListShowAndDeleteACollection() throws Exception {
        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.write(junk.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});

        CliRunner.Result imported = ok(cli.run("seeds", "import", "-p", project, "--name", "samples",
                "--chunk-tokens", "128", "--overlap", "16", "datasets/seeds", junk.toString()));
        assertThat(imported.out()).startsWith("Imported seed collection 'samples': 8 documents, ");
        assertThat(imported.out()).contains("1 files skipped");
        assertThat(imported.err()).contains("warning: ").contains("image.png: skipped, not a text, Markdown, code or"
                + " JSONL file");

        JsonNode listed = ok(cli.run("seeds", "list", "-p", project, "--json")).result();
        JsonNode collection = listed.get("collections").get(0);
        assertThat(collection.get("name").asText()).isEqualTo("samples");
        assertThat(collection.get("documents").asInt()).isEqualTo(8);
        assertThat(collection.get("settings").get("chunkTokens").asInt()).isEqualTo(128);
        assertThat(collection.get("settings").get("overlap").asInt()).isEqualTo(16);
        int chunks = collection.get("chunks").asInt();
        assertThat(chunks).isGreaterThan(8);
        assertThat(ok(cli.run("seeds", "-p", project)).out()).contains("samples").contains("DOCUMENTS");

        JsonNode shown = ok(cli.run("seeds", "show", "samples", "-p", project, "--limit", "2", "--json")).result();
        assertThat(shown.get("chunks")).hasSize(2);
        assertThat(shown.get("chunks").get(0).get("source").asText()).startsWith("datasets/seeds/");
        assertThat(shown.get("chunks").get(0).get("tokens").asInt()).isBetween(1, 128);
        String text = ok(cli.run("seeds", "show", "samples", "-p", project, "--limit", "1")).out();
        assertThat(text).contains("--- chunk ").contains("(" + (chunks - 1) + " more chunks; use --limit)");

        CliRunner.Result refused = cli.run("seeds", "delete", "samples", "-p", project);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("pass --yes");
        assertThat(ok(cli.run("seeds", "delete", "samples", "-p", project, "--yes")).out())
                .startsWith("Deleted seed collection 'samples'");
        assertThat(ok(cli.run("seeds", "list", "-p", project)).out()).startsWith("No seed collections yet.");
    }

    @Test
    void badInputIsReportedAndLeavesNoCollection() throws Exception {
        Path docs = dir.resolve("docs.jsonl");
        Files.writeString(docs, "{\"text\": \"Fine.\"}\n{\"body\": \"Elsewhere.\"}\n");

        CliRunner.Result failed = cli.run("seeds", "import", "-p", project, "--name", "docs", docs.toString());
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.err()).contains("docs.jsonl, line 2: field 'text' is missing");

        CliRunner.Result usage = cli.run("seeds", "import", "-p", project, "--name", "docs", "--chunk-tokens", "64",
                "--overlap", "64", docs.toString());
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("overlap must be from 0 to 63");

        CliRunner.Result unknown = cli.run("seeds", "show", "nothing", "-p", project);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("No seed collection 'nothing'");
        assertThat(ok(cli.run("seeds", "list", "-p", project, "--json")).result().get("collections")).isEmpty();
    }
}
