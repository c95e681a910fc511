package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift compare}, decisions, then {@code sift export --accepted --dpo}, reading the files back. */
class CompareExportCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        Path base = dir.resolve("alpaca.json");
        Files.writeString(base, """
                [{"instruction": "Name a colour", "input": "", "output": "Red"},
                 {"instruction": "Add the numbers", "input": "2, 2", "output": "4"},
                 {"instruction": "Say no", "input": "", "output": "No."}]""");
        Path gpt4 = dir.resolve("alpaca-gpt4.json");
        Files.writeString(gpt4, """
                [{"instruction": "name a  colour", "input": "", "output": "Blue, like the sky."},
                 {"instruction": "Add the numbers", "input": "2, 2", "output": "2 + 2 = 4"},
                 {"instruction": "Something else", "input": "", "output": "x"}]""");
        project = cli.newProject(dir);
        ok(cli.run("import", "-p", project, "--name", "alpaca", base.toString()));
        ok(cli.run("import", "-p", project, "--name", "alpaca-gpt4", gpt4.toString()));
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void comparesDecidesAndExportsTheCuratedDatasetWithPreferencePairs() throws Exception {
        JsonNode compared = ok(cli.run("compare", "-p", project, "--base", "alpaca", "--with", "alpaca-gpt4",
                "--json")).result();
        assertThat(compared.path("added").asLong()).isEqualTo(2);
        JsonNode with = compared.path("with").get(0);
        assertThat(with.path("matched").asLong()).isEqualTo(2);
        assertThat(with.path("unmatched").asLong()).isEqualTo(1);
        CliRunner.Result again = ok(cli.run("compare", "-p", project, "--base", "alpaca", "--with", "alpaca-gpt4"));
        assertThat(again.out()).contains("0 candidates added").contains("2 already present");
        CliRunner.Result exact = ok(cli.run("compare", "-p", project, "--base", "alpaca", "--with", "alpaca-gpt4",
                "--exact", "--json"));
        assertThat(exact.result().path("with").get(0).path("matched").asLong()).isEqualTo(1);

        decide();

        Path out = dir.resolve("curated.jsonl");
        Path pairs = dir.resolve("pairs.jsonl");
        JsonNode exported = ok(cli.run("export", "-p", project, "--accepted", "-f", "alpaca-jsonl", "-o",
                out.toString(), "--dpo", pairs.toString(), "-d", "alpaca", "--json")).result();
        assertThat(exported.path("records").asLong()).isEqualTo(2);
        assertThat(exported.path("kept").asLong()).isEqualTo(2);
        assertThat(exported.path("rejected").asLong()).isEqualTo(1);
        assertThat(exported.path("pairs").asLong()).isEqualTo(2);

        List<JsonNode> records = lines(out);
        assertThat(records).extracting(r -> r.path("output").asText()).containsExactly("Blue, like the sky.", "4");
        List<JsonNode> dpo = lines(pairs);
        assertThat(dpo).extracting(r -> r.path("chosen").asText()).containsExactly("Blue, like the sky.", "4");
        assertThat(dpo).extracting(r -> r.path("rejected").asText()).containsExactly("Red", "2 + 2 = 4");
        assertThat(dpo.get(1).path("prompt").asText()).isEqualTo("Add the numbers\n\n2, 2");
        JsonNode manifest = JSON.readTree(dir.resolve("curated.jsonl.manifest.json").toFile());
        assertThat(manifest.path("curation").path("pairs").asLong()).isEqualTo(2);
        assertThat(manifest.path("runs").findValuesAsText("recipe")).containsExactly("compare-datasets");
        assertThat(Files.exists(dir.resolve("pairs.jsonl.manifest.json"))).isTrue();

        CliRunner.Result human = ok(cli.run("export", "-p", project, "--chosen", "-f", "alpaca-json", "-o",
                dir.resolve("chosen.json").toString()));
        assertThat(human.out()).contains("Kept 2 samples; left out 1 rejected and 3 undecided");
        assertThat(JSON.readTree(dir.resolve("chosen.json").toFile()).get(0).path("output").asText())
                .isEqualTo("Blue, like the sky.");
    }

    @Test
    void refusesPairsWithoutAcceptedAndComparingADatasetWithItself() {
        CliRunner.Result pairs = cli.run("export", "-p", project, "-f", "alpaca-json", "-o",
                dir.resolve("x.json").toString(), "--dpo", dir.resolve("p.jsonl").toString());
        assertThat(pairs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pairs.err()).contains("--dpo needs --accepted");
        CliRunner.Result self = cli.run("compare", "-p", project, "--base", "alpaca", "--with", "alpaca");
        assertThat(self.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(self.err()).contains("itself");
    }

    /** The curator keeps gpt-4's colour, the record's sum, and rejects the third. */
    private void decide() throws Exception {
        try (var store = SqliteProjectStore.open(Path.of(project))) {
            long datasetId = store.datasets().findByName("alpaca").orElseThrow().id();
            long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
            Candidate colour = store.candidates().listBySample(ids[0]).get(0);
            store.review().record(NewReviewAction.of("choose", "curate", List.of(
                    new NewDecision(ids[0], colour.id(), DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                    new NewDecision(ids[1], 0, DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                    new NewDecision(ids[2], 0, DecisionAction.REJECT, DecidedBy.CURATOR, 0, ""))));
        }
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }
}
