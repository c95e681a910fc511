package dev.sift.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cherry LLM's released GPT-4 pairwise reviews (cherry 5% model vs full Alpaca), aggregated with the §5.2
 * rule, reproduce the regression vectors of ALGORITHMS.md §3.3. The files are kept beside the repository,
 * not in it; the test is skipped when they are absent.
 */
class CherryReviewsAggregationIT {

    /** Beside the repository; {@code -Dsift.datasets=<folder>} points elsewhere (e.g. from a worktree). */
    private static final Path DATASETS = System.getProperty("sift.datasets") != null
            ? Path.of(System.getProperty("sift.datasets"))
            : Path.of("..", "shared", "datasets");
    private static final Path REVIEWS = DATASETS.resolve("peer/cherry_llm/pairwise_gpt4_reviews");
    private static final List<String> SETS = List.of("vicuna", "koala", "wizardlm", "sinstruct", "lima");

    @Test
    void reproducesThePublishedWinTieLoseTotals() throws Exception {
        assumeTrue(Files.isDirectory(REVIEWS), REVIEWS + " not present (the shared datasets live beside the "
                + "repository): skipping the Cherry review aggregation");
        List<Path> files = SETS.stream().map(s -> REVIEWS.resolve(s + "_wrap_reviews_gpt4.json")).toList();
        assumeTrue(files.stream().allMatch(Files::isRegularFile), "some of Cherry's five review files are missing: skipping");

        PairwiseAggregation.Result result = PairwiseAggregation.of(files);

        Map<String, WinTieLose> byDataset = result.files().stream()
                .collect(Collectors.toMap(PairwiseAggregation.FileResult::dataset, PairwiseAggregation.FileResult::counts));
        assertThat(byDataset).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vicuna", new WinTieLose(44, 15, 21, 0),
                "koala", new WinTieLose(85, 36, 59, 0),
                "wizardlm", new WinTieLose(102, 54, 62, 0),
                "sinstruct", new WinTieLose(111, 61, 80, 0),
                "lima", new WinTieLose(165, 59, 76, 0)));
        assertThat(result.total()).isEqualTo(new WinTieLose(507, 225, 298, 0));
        assertThat(result.total().n()).isEqualTo(1030);
        assertThat(result.total().winningScore()).isCloseTo(1.2029, within(5e-5));
        assertThat(result.totalFlips().items()).isEqualTo(1030);
        // independently counted in Python: the preferred model (or tie) changes with the order in 247 items
        assertThat(result.totalFlips().flipped()).isEqualTo(247);

        PairwiseAggregation.Result wholeFolder = PairwiseAggregation.ofDirectory(REVIEWS);
        assertThat(wholeFolder.total()).isEqualTo(result.total());
    }
}
