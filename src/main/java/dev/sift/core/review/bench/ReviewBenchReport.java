package dev.sift.core.review.bench;

import java.util.Optional;

/**
 * What {@code sift bench review} measured, in milliseconds unless named otherwise.
 *
 * @param generatedSeconds how long making the project took, 0 when an existing one was reused
 * @param openMillis time to first rows: open the file, read the rows, fetch the first page of sample texts
 * @param openRepeatMillis the median of the same done again (warm JIT)
 * @param filterMillis {@code filterFirstMillis} then the median of further runs
 * @param searchFirstMillis the first search, which builds the word index
 * @param heapRowsBytes heap used after GC with the rows loaded, less what was used before opening
 * @param refreshOneMillis median time to bring the loaded rows up to date after an action on one sample
 * @param baseline the Python sqlite3 script's timings of the same reads, empty when it was not run
 */
public record ReviewBenchReport(
        String project, int samples, long candidates, long projectBytes, double generatedSeconds,
        String jvm, int processors, double openMillis, double openRepeatMillis, double rowsMillis, double pageMillis,
        int filteredRows, double filterFirstMillis, double filterMillis, double sortFirstMillis, double sortMillis,
        int searchHits, double searchFirstMillis, double searchWarmMillis, double refreshOneMillis,
        long heapUsedBytes, long heapRowsBytes, Optional<Baseline> baseline) {

    public static final double OPEN_GOAL_MILLIS = 1500;
    public static final double FILTER_GOAL_MILLIS = 100;
    public static final double SEARCH_GOAL_MILLIS = 100;

    /**
     * The Python baseline: the same SELECTs into lists on the same file.
     *
     * @param python the interpreter and its SQLite version
     * @param searchWarmMillis NaN when its SQLite cannot read the word index
     * @param notes what the script reported on stderr, e.g. why it skipped the search
     */
    public record Baseline(String python, double openMillis, double filterMillis, double sortMillis,
            double searchWarmMillis, int filteredRows, int searchHits, String notes) {}

    public boolean meetsOpenGoal() {
        return openMillis < OPEN_GOAL_MILLIS;
    }

    public boolean meetsFilterGoal() {
        return filterMillis < FILTER_GOAL_MILLIS;
    }

    public boolean meetsSearchGoal() {
        return searchWarmMillis < SEARCH_GOAL_MILLIS;
    }

    /** Sift's time over the baseline's for the same work, NaN without a baseline. */
    public static double ratio(double sift, double baseline) {
        return baseline > 0 && Double.isFinite(baseline) ? sift / baseline : Double.NaN;
    }
}
