package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on the team's sample data in datasets/. */
class CliIT {

    private static final Path SAMPLE = Path.of("datasets", "sample", "sift-sample.json");
    private static final Path CSV = Path.of("datasets", "formats", "sample.csv");

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;

    @BeforeEach
    void createProject() {
        cli = new CliRunner(dir.resolve("config"));
        project = dir.resolve("p.sift").toString();
        assertThat(cli.run("new", project).exitCode()).isZero();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void importReportsRecordsSamplesAndSkippedDuplicates() {
        CliRunner.Result r = cli.run("import", "--project", project, SAMPLE.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("as 'sift-sample' (alpaca-json): 105 records, 103 samples, 2 exact duplicates skipped");
        CliRunner.Result list = cli.run("datasets", "--project", project);
        assertThat(list.out()).contains("sift-sample").contains("alpaca-json").contains("105").contains("103");
    }

    @Test
    void jsonModeStreamsEventsAndEndsWithTheResult() {
        CliRunner.Result r = cli.run("import", "--json", "-p", project, SAMPLE.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.path("event").asText())
                .startsWith("started").contains("succeeded").endsWith("result");
        JsonNode result = r.result();
        assertThat(result.path("samples").asInt()).isEqualTo(103);
        assertThat(result.path("duplicates").asInt()).isEqualTo(2);
        assertThat(result.path("format").asText()).isEqualTo("alpaca-json");
    }

    @Test
    void csvColumnsAreMappedFromTheCommandLine() {
        CliRunner.Result r = cli.run("import", "-p", project, "--json", "--name", "csv",
                "--csv-columns", "instruction=prompt,input=context,output=answer,category=topic", CSV.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.result().path("samples").asInt()).isEqualTo(6);
        assertThat(r.result().path("name").asText()).isEqualTo("csv");
    }

    @Test
    void aBrokenFileFailsWithItsLocationAndChangesNothing() throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"instruction\": \"a\", \"output\": \"b\"}\n{\"instruction\": 7, \"output\": \"c\"}\n");

        CliRunner.Result r = cli.run("import", "-p", project, broken.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("broken.jsonl").contains("line 2").contains("instruction");
        assertThat(cli.run("datasets", "-p", project).out()).contains("No datasets yet");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli.run("import", "-p", project).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("datasets").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("import", "-p", project, "--format", "parquet", SAMPLE.toString()).err())
                .contains("unknown format 'parquet'");
        assertThat(cli.run("stats", "-p", project, "--dataset", "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMissingProjectIsAFailureNamingTheFile() {
        CliRunner.Result r = cli.run("datasets", "-p", dir.resolve("nope.sift").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("No project at").contains("nope.sift");
    }

    @Test
    void statsGivesPercentilesAndDuplicateCounts() {
        cli.run("import", "-p", project, SAMPLE.toString());

        CliRunner.Result text = cli.run("stats", "-p", project);
        assertThat(text.out()).contains("exact duplicates skipped: 2").contains("median").contains("not scanned yet");

        JsonNode stats = cli.run("stats", "-p", project, "--json").result().path("datasets").get(0);
        JsonNode lengths = stats.path("lengthChars");
        assertThat(lengths.path("min").asInt()).isPositive();
        assertThat(lengths.path("median").asInt()).isBetween(lengths.path("min").asInt(), lengths.path("max").asInt());
        long histogramTotal = 0;
        for (JsonNode bin : lengths.path("histogram")) {
            histogramTotal += bin.path("count").asLong();
        }
        assertThat(histogramTotal).isEqualTo(103);
    }

    @Test
    void exportWritesTheFileAndItsManifest() throws Exception {
        cli.run("import", "-p", project, SAMPLE.toString());
        Path out = dir.resolve("out").resolve("sample.jsonl");
        Files.createDirectories(out.getParent());

        CliRunner.Result r = cli.run("export", "-p", project, "-d", "sift-sample", "-f", "messages-jsonl",
                "-o", out.toString(), "--llama-factory", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.result().path("records").asInt()).isEqualTo(103);
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(103);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("messages").get(0).path("role").asText()).isIn("system", "user");
        assertThat(out.resolveSibling("sample.jsonl.manifest.json")).exists();
        assertThat(out.resolveSibling("dataset_info.json")).content().contains("\"sample\"");
    }

    @Test
    void exportAppliesTheTextFilter() throws Exception {
        cli.run("import", "-p", project, SAMPLE.toString());
        Path out = dir.resolve("python.json");

        CliRunner.Result r = cli.run("export", "-p", project, "-f", "alpaca-json", "-o", out.toString(),
                "--filter", "python");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode records = new ObjectMapper().readTree(out.toFile());
        assertThat(records.size()).isPositive().isLessThan(103);
        for (JsonNode record : records) {
            assertThat(record.toString().toLowerCase()).contains("python");
        }
    }

    @Test
    void dedupFindsThePlantedNearDuplicates() {
        cli.run("import", "-p", project, SAMPLE.toString());

        CliRunner.Result r = cli.run("dedup", "-p", project, "-d", "sift-sample");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("near-duplicate groups");
        // datasets/sample/NOTES.md: records 17 and 72 ask for the capital of Australia (1-based #18, #73)
        assertThat(r.out()).containsPattern("(?s)keep #18 .*\\n\\s+0\\.\\d+ #73 ");
        assertThat(cli.run("stats", "-p", project).out()).contains("near duplicates (cosine >=");
    }
}
