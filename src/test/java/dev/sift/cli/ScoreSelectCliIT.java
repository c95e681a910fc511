package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift score ifd} with the committed tiny ONNX model, then {@code sift select}. */
class ScoreSelectCliIT {

    private static final String SAMPLE = Path.of("datasets", "sample", "sift-sample.json").toString();

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;
    private String model;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        model = Path.of(ScoreSelectCliIT.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent().toString();
        project = cli.newProject(dir, "sample", SAMPLE);
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    private List<Decision> decisions() throws Exception {
        try (var store = SqliteProjectStore.open(Path.of(project))) {
            long datasetId = store.datasets().findByName("sample").orElseThrow().id();
            return store.decisions().currentByDataset(datasetId);
        }
    }

    @Test
    void scoresResumesAndSelectsThirtyPercentWithCherry() throws Exception {
        JsonNode scored = ok(cli.run("score", "ifd", "-p", project, "-d", "sample", "--model", model, "--mode",
                "superfiltering", "--batch", "3", "--json")).result();
        int total = scored.path("total").asInt();
        assertThat(total).isGreaterThan(50);
        assertThat(scored.path("scored").asInt() + scored.path("unscorable").asInt()).isEqualTo(total);
        assertThat(scored.path("settings").asText()).isEqualTo("none/response_only/concatenate/64");
        int withScore = scored.path("withScore").asInt();
        assertThat(withScore).isPositive();

        CliRunner.Result again = ok(cli.run("score", "ifd", "-p", project, "-d", "sample", "--model", model,
                "--mode", "superfiltering"));
        assertThat(again.out()).contains("0 scored, 0 not scorable, " + total + " already done of " + total);
        assertThat(again.out()).containsPattern("IFD of \\d+ scored samples: p10 [\\d.]+  p50 [\\d.]+  p90 [\\d.]+");

        CliRunner.Result selected = ok(cli.run("select", "cherry", "-p", project, "-d", "sample", "--rate", "0.3"));

        List<Decision> decisions = decisions();
        assertThat(decisions).hasSize(total);
        long chosen = decisions.stream().filter(d -> d.action() == DecisionAction.CHOOSE).count();
        JsonNode json = ok(cli.run("select", "cherry", "-p", project, "-d", "sample", "--rate", "0.3", "--json"))
                .result();
        int kept = json.path("kept").asInt();
        assertThat(chosen).isEqualTo((long) (kept * 0.3)).isPositive();
        assertThat(json.path("selected").asLong()).isEqualTo(chosen);
        assertThat(json.path("rejected").asLong()).isEqualTo(total - chosen);
        assertThat(selected.out()).contains("selected " + chosen + " of " + total + " samples (" + kept
                + " kept by the IFD rule), rejected " + (total - chosen));
        assertThat(selected.out()).containsPattern("Threshold: ifd_loss >= [\\d.]+ \\(scores of ");
    }

    @Test
    void theSelectionIsWhatTheExportWrites() throws Exception {
        ok(cli.run("score", "ifd", "-p", project, "-d", "sample", "--model", model, "--mode", "superfiltering"));
        long selected = ok(cli.run("select", "cherry", "-p", project, "-d", "sample", "--rate", "0.3", "--json"))
                .result().path("selected").asLong();
        Path out = dir.resolve("cherry.jsonl");

        JsonNode exported = ok(cli.run("export", "-p", project, "-d", "sample", "-f", "alpaca-jsonl", "-o",
                out.toString(), "--chosen", "--json")).result();

        assertThat(exported.path("records").asLong()).isEqualTo(selected).isPositive();
        assertThat(java.nio.file.Files.readAllLines(out)).hasSize((int) selected);
        var chosenInstructions = new java.util.HashSet<String>();
        try (var store = SqliteProjectStore.open(Path.of(project))) {
            for (Decision d : store.decisions().currentByDataset(store.datasets().findByName("sample").orElseThrow().id())) {
                if (d.action() == DecisionAction.CHOOSE) {
                    long[] id = {d.sampleId()};
                    chosenInstructions.add(store.samples().fetch(id, 0, 1).get(0).content().instruction());
                }
            }
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : java.nio.file.Files.readAllLines(out)) {
            assertThat(chosenInstructions).contains(mapper.readTree(line).path("instruction").asText());
        }
        assertThat(out.resolveSibling("cherry.jsonl.manifest.json")).content().contains("\"chosen_only\" : true");
    }

    @Test
    void superfilterTakesACountAndCherryV2ARateOfAllSamples() throws Exception {
        ok(cli.run("score", "ifd", "-p", project, "-d", "sample", "--model", model, "--mode", "superfiltering"));

        JsonNode sf = ok(cli.run("select", "superfilter", "-p", project, "-d", "sample", "--count", "5", "--json"))
                .result();
        assertThat(sf.path("metric").asText()).isEqualTo("ifd_ppl");
        assertThat(sf.path("selected").asInt()).isEqualTo(Math.min(5, sf.path("kept").asInt()));

        JsonNode v2 = ok(cli.run("select", "cherry", "-p", project, "-d", "sample", "--rate", "0.1", "--v2",
                "--refusal-filter", "--json")).result();
        int total = v2.path("total").asInt();
        assertThat(v2.path("selected").asInt()).isEqualTo(Math.min((int) (total * 0.1), v2.path("kept").asInt()));
        assertThat(decisions().stream().filter(d -> d.action() == DecisionAction.CHOOSE).count())
                .isEqualTo(v2.path("selected").asLong());
    }

    @Test
    void selectingWithoutScoresFailsWithAHint() {
        CliRunner.Result r = cli.run("select", "cherry", "-p", project, "-d", "sample", "--count", "3");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("score it first");
    }

    @Test
    void briefExperienceWritesTheSampledSubset() throws Exception {
        Path out = dir.resolve("brief.jsonl");

        JsonNode brief = ok(cli.run("select", "brief", "-p", project, "-d", "sample", "--model", model, "-o",
                out.toString(), "-f", "alpaca-jsonl", "--clusters", "5", "--per-cluster", "2", "--json")).result();

        assertThat(brief.path("clusters").asInt()).isEqualTo(5);
        assertThat(brief.path("run").asLong()).isPositive();
        int picked = brief.path("picked").asInt();
        assertThat(picked).isPositive().isLessThanOrEqualTo(10);
        assertThat(brief.path("sampleIds")).hasSize(picked);
        assertThat(java.nio.file.Files.readAllLines(out)).hasSize(picked);
        assertThat(out.resolveSibling("brief.jsonl.manifest.json")).content().contains("\"records\" : " + picked);
        assertThat(decisions()).isEmpty();

        CliRunner.Result again = ok(cli.run("select", "brief", "-p", project, "-d", "sample", "--model", model, "-o",
                out.toString(), "-f", "alpaca-jsonl", "--clusters", "5", "--per-cluster", "2"));
        assertThat(again.out()).contains("picked " + picked + " samples from 5 clusters into " + out);
        assertThat(again.out()).contains("(0 computed, the rest stored)");
    }

    @Test
    void aBatchBelowOneIsAUsageError() {
        CliRunner.Result r = cli.run("score", "ifd", "-p", project, "-d", "sample", "--model", model, "--batch", "0");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--batch must be at least 1");
    }
}
