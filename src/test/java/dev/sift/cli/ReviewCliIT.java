package dev.sift.cli;

import static dev.sift.cli.CliRunner.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sift review-stats}, {@code sift decide}, {@code sift undo} and {@code sift redo} on a prepared project of
 * eight samples: IFD and judge scores on the originals, an algorithm run on samples 0-3, and one curator action
 * (keep 0, keep 1, reject 4).
 */
class ReviewCliIT {

    private static final double[] IFD = {0.2, 0.4, 0.6, 0.8, 0.9, 1.2, 0.5, 0.3};
    private static final double[] JUDGE = {8, 3, 9, 2, 7, 8, 5, 6};

    @TempDir
    Path dir;

    private CliRunner cli;
    private String project;
    private long[] samples;
    private long[] originals;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(dir.resolve("config"));
        project = dir.resolve("p.sift").toString();
        try (ProjectStore store = SqliteProjectStore.create(Path.of(project))) {
            long dataset = store.datasets().importDataset(new NewDataset("main", "main.jsonl",
                    DatasetFormat.ALPACA_JSONL), sink -> {
                        for (int i = 0; i < IFD.length; i++) {
                            sink.add(i, SampleContent.single("question " + i + (i == 2 ? " about rain" : ""), "",
                                    "answer " + i));
                        }
                    }).id();
            samples = store.samples().ids(SampleQuery.dataset(dataset));
            originals = new long[samples.length];
            for (int i = 0; i < samples.length; i++) {
                originals[i] = store.candidates().add(new NewCandidate(samples[i], 0, 0, CandidateOrigin.ORIGINAL,
                        OptionalInt.empty(), "question " + i, "", "answer " + i)).id();
                store.candidates().add(NewCandidate.generated(samples[i], 0, "question " + i, "", "better " + i));
                store.scores().save(new NewScore(originals[i], "ifd", IFD[i], "tiny", "alpaca", 64, null, null,
                        "{\"ifd_ppl\":" + IFD[i] / 2 + "}"));
                store.scores().save(new NewScore(originals[i], "judge", JUDGE[i], "judge-model", "quality", 0, null,
                        null, ""));
            }
            long run = store.runs().create(new NewRun("select", dataset, "{}", 0, OptionalDouble.empty())).id();
            List<NewDecision> algorithm = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                algorithm.add(NewDecision.byAlgorithm(samples[i], originals[i],
                        i % 2 == 0 ? DecisionAction.CHOOSE : DecisionAction.REJECT, run, "test"));
            }
            store.decisions().addAll(algorithm);
            store.review().record(NewReviewAction.of("choose", "curator picks", List.of(
                    curator(0, DecisionAction.CHOOSE), curator(1, DecisionAction.CHOOSE),
                    curator(4, DecisionAction.REJECT))));
        }
    }

    private NewDecision curator(int i, DecisionAction action) {
        return new NewDecision(samples[i], originals[i], action, DecidedBy.CURATOR, 0, "test");
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    private Optional<Decision> current(int i) throws Exception {
        try (var store = SqliteProjectStore.open(Path.of(project))) {
            return store.decisions().current(samples[i]);
        }
    }

    private int actions() throws Exception {
        try (var store = SqliteProjectStore.open(Path.of(project))) {
            return store.review().history(100).size();
        }
    }

    @Test
    void reviewStatsCountsStatesAndAgreement() {
        JsonNode stats = ok(cli.run("review-stats", "-p", project, "-d", "main", "--json")).result();

        assertThat(stats.path("total").asInt()).isEqualTo(8);
        assertThat(stats.path("byState").path("undecided").asInt()).isEqualTo(3);
        assertThat(stats.path("byState").path("chosen").asInt()).isEqualTo(3);
        assertThat(stats.path("byState").path("rejected").asInt()).isEqualTo(2);
        assertThat(stats.path("decidedByAlgorithm").asInt()).isEqualTo(2);
        assertThat(stats.path("decidedByCurator").asInt()).isEqualTo(3);
        JsonNode agreement = stats.path("agreement");
        assertThat(agreement.path("algorithmCurator").path("agree").asInt()).isEqualTo(1);
        assertThat(agreement.path("algorithmCurator").path("compared").asInt()).isEqualTo(2);
        assertThat(agreement.path("judgeCurator").path("agree").asInt()).isEqualTo(1);
        assertThat(agreement.path("judgeCurator").path("compared").asInt()).isEqualTo(3);
        assertThat(agreement.path("judgeIfd").path("agree").asInt()).isEqualTo(4);
        assertThat(agreement.path("judgeIfd").path("percent").asDouble()).isEqualTo(50.0);
        assertThat(stats.path("ifdCut").asDouble()).isEqualTo(0.5);
        assertThat(stats.path("columns").findValuesAsText("key")).containsExactly("ifd", "ifd_ppl", "judge");
        assertThat(stats.path("columns").get(0).path("settings").asText()).isEqualTo("alpaca");

        String text = ok(cli.run("review-stats", "-p", project, "--filter", "ifd<1,state=undecided")).out();
        assertThat(text).contains("2 samples matching ifd<1,state=undecided (of 8)")
                .contains("judge vs IFD          1 of 2 (50.0%)").contains("algorithm vs curator  not compared")
                .contains("IFD keeps a sample when 0.5000 <= IFD < 1")
                .contains("Score column ifd: ifd of tiny, alpaca");
    }

    @Test
    void aTextFilterUsesTheWordIndex() {
        JsonNode stats = ok(cli.run("review-stats", "-p", project, "--filter", "text=rain", "--json")).result();
        assertThat(stats.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void dryRunSaysWhatWouldBeRecordedAndWritesNothing() throws Exception {
        CliRunner.Result r = ok(cli.run("decide", "-p", project, "--filter", "ifd<1", "--accept-algorithm",
                "--dry-run"));

        assertThat(r.out()).contains("would record 4 decisions (3 skipped: no algorithm decision)");
        assertThat(actions()).isEqualTo(1);
        assertThat(current(1)).get().extracting(Decision::action).isEqualTo(DecisionAction.CHOOSE);
    }

    @Test
    void acceptAlgorithmRecordsOneActionThatUndoesAndRedoes() throws Exception {
        CliRunner.Result r = ok(cli.run("decide", "-p", project, "--filter", "ifd<1", "--accept-algorithm", "--yes"));
        assertThat(r.out()).contains("would record 4 decisions (3 skipped").containsPattern("Recorded action \\d+");
        assertThat(current(1)).get().satisfies(d -> {
            assertThat(d.action()).isEqualTo(DecisionAction.REJECT);
            assertThat(d.decidedBy()).isEqualTo(DecidedBy.CURATOR);
        });

        assertThat(ok(cli.run("undo", "-p", project)).out())
                .contains("Undid action").contains("Accept the algorithm's choice for 4 samples");
        assertThat(current(1)).get().extracting(Decision::action).isEqualTo(DecisionAction.CHOOSE);

        assertThat(ok(cli.run("redo", "-p", project)).out()).contains("Redid action");
        assertThat(current(1)).get().extracting(Decision::action).isEqualTo(DecisionAction.REJECT);
        assertThat(cli.run("redo", "-p", project).out()).contains("Nothing to redo.");
    }

    @Test
    void rejectKeepShownAndKeepOriginalDecideTheFilteredRows() throws Exception {
        JsonNode rejected = ok(cli.run("decide", "-p", project, "--filter", "judge<5", "--reject", "--yes",
                "--json")).result();
        assertThat(rejected.path("decisions").asInt()).isEqualTo(2);
        assertThat(current(3)).get().extracting(Decision::decidedBy).isEqualTo(DecidedBy.CURATOR);

        ok(cli.run("decide", "-p", project, "--filter", "state=rejected", "--keep-shown", "--yes"));
        assertThat(current(4)).get().satisfies(d -> {
            assertThat(d.action()).isEqualTo(DecisionAction.CHOOSE);
            assertThat(d.candidateId()).isEqualTo(originals[4]);
        });

        JsonNode kept = ok(cli.run("decide", "-p", project, "--filter", "state=undecided", "--keep-original",
                "--yes", "--json")).result();
        assertThat(kept.path("decisions").asInt()).isEqualTo(3);
        assertThat(current(7)).get().satisfies(d -> {
            assertThat(d.action()).isEqualTo(DecisionAction.CHOOSE);
            assertThat(d.candidateId()).isZero();
        });
        assertThat(actions()).isEqualTo(4);
    }

    @Test
    void withoutATerminalDecideNeedsYes() throws Exception {
        CliRunner.Result r = cli.run("decide", "-p", project, "--filter", "state=undecided", "--reject");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("pass --yes");
        assertThat(actions()).isEqualTo(1);
    }

    @Test
    void aBadFilterNamesTheCondition() {
        CliRunner.Result r = cli.run("decide", "-p", project, "--filter", "ifd>=0.5,state=maybe", "--reject", "--yes");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Cannot read the filter condition 'state=maybe'");
    }
}
