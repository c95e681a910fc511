package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift bench review} on a small generated project: generated once, then reused; the baseline agrees. */
class BenchReviewCliIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("config"));
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void generatesMeasuresAndReusesTheProject() {
        String project = dir.resolve("bench.sift").toString();
        String[] args = {"bench", "review", "--project", project, "--samples", "600", "--curator-decisions", "60",
            "--repeats", "1", "--json"};
        CliRunner.Result first = cli.run(withBaseline(args));
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode r = first.result();

        assertThat(r.path("samples").asInt()).isEqualTo(600);
        assertThat(r.path("candidates").asLong()).isEqualTo(1800);
        assertThat(r.path("generatedSeconds").asDouble()).isPositive();
        assertThat(r.path("filteredRows").asInt()).isBetween(1, 300);
        assertThat(r.path("heapUsedBytes").asLong()).isPositive();
        if (Files.isExecutable(PYTHON)) {
            assertThat(r.path("baseline").path("filteredRows").asInt()).isEqualTo(r.path("filteredRows").asInt());
        }

        JsonNode again = cli.run(args).result();
        assertThat(again.path("generatedSeconds").asDouble()).isZero();
        assertThat(again.path("filteredRows").asInt()).isEqualTo(r.path("filteredRows").asInt());
        assertThat(again.has("baseline")).isFalse();
    }

    private static String[] withBaseline(String[] args) {
        if (!Files.isExecutable(PYTHON)) {
            return args;
        }
        String[] out = java.util.Arrays.copyOf(args, args.length + 2);
        out[args.length] = "--baseline";
        out[args.length + 1] = Path.of("bench", "review", "baseline.py").toString();
        return out;
    }
}
