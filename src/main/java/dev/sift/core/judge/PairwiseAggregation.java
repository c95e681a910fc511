package dev.sift.core.judge;

import dev.sift.core.judge.JudgeBias.PositionFlips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The §5.2 win/tie/lose aggregation over a folder of pairwise review files in Cherry's format: counts,
 * winning score and position-flip rate per file and in total.
 */
public final class PairwiseAggregation {

    /** One file's numbers. */
    public record FileResult(String file, String dataset, WinTieLose counts, PositionFlips flips) {}

    /** Every file's numbers (by file name) and their sum. */
    public record Result(List<FileResult> files, WinTieLose total, PositionFlips totalFlips) {
        public Result {
            files = List.copyOf(files);
        }
    }

    private PairwiseAggregation() {}

    /** Aggregates every {@code *.json} file directly in {@code dir}, in file-name order. */
    public static Result ofDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder of review files");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir + " holds no *.json review files");
        }
        return of(files);
    }

    public static Result of(List<Path> files) throws IOException {
        List<FileResult> results = new ArrayList<>();
        WinTieLose total = WinTieLose.NONE;
        int judged = 0;
        int flipped = 0;
        for (Path file : files) {
            CherryReviewFile.Reviews reviews = CherryReviewFile.read(file);
            WinTieLose counts = PairwiseComparison.tally(reviews.items());
            PositionFlips flips = JudgeBias.positionFlips(reviews.items());
            results.add(new FileResult(file.getFileName().toString(), reviews.dataset(), counts, flips));
            total = total.plus(counts);
            judged += flips.items();
            flipped += flips.flipped();
        }
        return new Result(results, total, new PositionFlips(judged, flipped));
    }
}
