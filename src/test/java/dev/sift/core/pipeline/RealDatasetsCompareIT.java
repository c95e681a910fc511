package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sift.core.dataset.ImportJob;
import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.export.ExportJob;
import dev.sift.core.export.ExportRequest;
import dev.sift.core.export.ExportResult;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the shared real Alpaca records (kept next to the repository, not in it) with the GPT-4 answers to Alpaca
 * instructions; skips when the files are absent.
 */
class RealDatasetsCompareIT {

    /** Beside the repository; {@code -Dsift.datasets=<folder>} points elsewhere (e.g. from a worktree). */
    private static final Path DATASETS = System.getProperty("sift.datasets") != null
            ? Path.of(System.getProperty("sift.datasets"))
            : Path.of("..", "shared", "datasets");

    @TempDir
    Path dir;

    @Test
    void alpacaRecordsGetTheGpt4AnswersToTheSameInstructions() throws Exception {
        Path alpaca = DATASETS.resolve("alpaca/alpaca_union_17k_from_public_subsets.json");
        Path gpt4 = DATASETS.resolve("alpaca/alpaca_gpt4_en_demo_1k_llamafactory.json");
        assumeTrue(Files.isRegularFile(alpaca) && Files.isRegularFile(gpt4),
                "../shared/datasets/alpaca not present: skipping the real-data comparison");
        try (ProjectStore store = SqliteProjectStore.create(dir.resolve("p" + SqliteProjectStore.EXTENSION))) {
            Dataset base = new ImportJob(ImportRequest.of(alpaca), store).run(TestContext.running());
            Dataset other = new ImportJob(ImportRequest.of(gpt4), store).run(TestContext.running());
            var spec = new CompareDatasetsSpec(base, List.of(other), false);

            long start = System.nanoTime();
            CompareDatasetsSummary first = new CompareDatasetsJob(spec, store).run(TestContext.running());
            long millis = (System.nanoTime() - start) / 1_000_000;
            CompareDatasetsSummary again = new CompareDatasetsJob(spec, store).run(TestContext.running());

            CompareDatasetsSummary.Other found = first.others().get(0);
            System.out.printf("compare %d base samples with %d records: %d matched, %d added, %d base duplicates"
                    + " in %d ms%n", first.baseSamples(), found.records(), found.matched(), found.added(),
                    first.baseDuplicates(), millis);
            assertThat(found.matched() + found.unmatched()).isEqualTo(found.records());
            assertThat(found.added()).isPositive();
            assertThat(again.added()).isZero();
            assertThat(again.others().get(0).alreadyPresent()).isEqualTo(found.added());

            // keep gpt-4's answer wherever there is one, then export the curated set with preference pairs
            var decisions = new ArrayList<NewDecision>();
            for (long id : store.samples().ids(SampleQuery.dataset(base.id()))) {
                for (Candidate c : store.candidates().listBySample(id)) {
                    decisions.add(new NewDecision(id, c.id(), DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""));
                }
            }
            store.review().record(NewReviewAction.of("choose", "keep gpt-4", decisions));
            var request = ExportRequest.accepted(SampleQuery.dataset(base.id()), DatasetFormat.ALPACA_JSONL,
                    dir.resolve("curated.jsonl"), false, Optional.of(dir.resolve("pairs.jsonl")));
            start = System.nanoTime();
            ExportResult exported = new ExportJob(request, store, "test").run(TestContext.running());
            millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("accepted export of %d samples with %d pairs in %d ms%n", exported.records(),
                    exported.curation().orElseThrow().pairs(), millis);
            assertThat(exported.records()).isEqualTo(decisions.size());
            assertThat(exported.curation().orElseThrow().undecided()).isEqualTo(first.baseSamples() - decisions.size());
            assertThat(Files.readAllLines(dir.resolve("pairs.jsonl")))
                    .hasSize((int) exported.curation().orElseThrow().pairs());
        }
    }
}
