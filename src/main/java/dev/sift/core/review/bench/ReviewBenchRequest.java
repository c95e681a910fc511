package dev.sift.core.review.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code sift bench review} measures on.
 *
 * @param project the benchmark project, generated when absent and reused when present
 * @param baselineScript the Python sqlite3 baseline to run on the same file, empty for none
 * @param python the interpreter for it
 * @param repeats how many times the warm measurements repeat (the median is reported)
 */
public record ReviewBenchRequest(Path project, int samples, int curatorDecisions, Optional<Path> baselineScript,
        String python, int repeats, String coldQuery, String warmQuery) {

    public static final int DEFAULT_SAMPLES = 200_000;
    public static final int DEFAULT_CURATOR_DECISIONS = 3_000;

    public ReviewBenchRequest {
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be at least 2");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1");
        }
    }
}
