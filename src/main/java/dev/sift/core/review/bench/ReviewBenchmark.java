package dev.sift.core.review.bench;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.review.AgreementRules;
import dev.sift.core.review.ReviewColumns;
import dev.sift.core.review.ReviewFilter;
import dev.sift.core.review.ScoreOrder;
import dev.sift.core.review.ScoreRange;
import dev.sift.core.review.Verdicts;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code sift bench review}: how fast the review opens and answers on a large project. Time to first rows (open the
 * file, read the rows, fetch the first page of texts), a filter by IFD range and state, a sort by IFD, the first
 * search (which builds the word index) and a warm one, and the heap the rows take; then the Python sqlite3 baseline
 * on the same file.
 */
public final class ReviewBenchmark implements Job<ReviewBenchReport> {

    /** Rows the table shows first. */
    public static final int PAGE = 200;

    /** The filter measured: {@code ifd>=0.3,ifd<1,state=undecided}. */
    public static final ReviewFilter FILTER = ReviewFilter.all()
            .withRanges(List.of(ScoreRange.atLeast("ifd", 0.3), ScoreRange.below("ifd", 1)))
            .withStates(Set.of(ReviewState.UNDECIDED));

    private final ReviewBenchRequest request;

    public ReviewBenchmark(ReviewBenchRequest request) {
        this.request = request;
    }

    @Override
    public String title() {
        return "Benchmark the review on " + request.project().getFileName();
    }

    /** One load: the rows, and how long they and the first page took. */
    private record Loaded(ReviewRows rows, long[] datasetIds, double totalMillis, double rowsMillis,
            double pageMillis) {}

    @Override
    public ReviewBenchReport run(JobContext context) throws Exception {
        double generated = 0;
        if (!ReviewBenchProject.exists(request.project())) {
            long start = System.nanoTime();
            new ReviewBenchProject(request.samples(), request.curatorDecisions()).generate(request.project(), context);
            generated = (System.nanoTime() - start) / 1e9;
        }
        context.message("Measuring the review");
        long heapBefore = heapAfterGc();
        try (ProjectStore store = SqliteProjectStore.open(request.project())) {
            long start = System.nanoTime();
            Loaded first = load(store, start);
            long heapUsed = heapAfterGc();
            ReviewRows rows = first.rows();
            double[] opens = new double[request.repeats()];
            for (int i = 0; i < opens.length; i++) {
                context.checkCancelled();
                try (ProjectStore again = SqliteProjectStore.open(request.project())) {
                    opens[i] = load(again, System.nanoTime()).totalMillis();
                }
            }
            long t = System.nanoTime();
            Verdicts verdicts = new Verdicts(rows, AgreementRules.defaults());
            int[] filtered = FILTER.apply(rows, new long[0], verdicts);
            double filterFirst = millis(t);
            double filter = median(request.repeats(), () -> FILTER.apply(rows, new long[0], verdicts));
            int[] all = IntStream.range(0, rows.size()).toArray();
            int ifd = rows.column(Verdicts.IFD);
            if (ifd < 0) {
                throw new StoreException("The benchmark project " + request.project() + " has no IFD scores");
            }
            t = System.nanoTime();
            ScoreOrder.sort(rows, ifd, all, false);
            double sortFirst = millis(t);
            double sort = median(request.repeats(), () -> ScoreOrder.sort(rows, ifd, all, false));
            context.message("Searching (the first search builds the word index)");
            t = System.nanoTime();
            store.review().search(request.coldQuery(), first.datasetIds());
            double searchFirst = millis(t);
            long[][] hits = new long[1][];
            double searchWarm = median(request.repeats(), () -> hits[0] = store.review().search(request.warmQuery(),
                    first.datasetIds()));
            long middle = rows.sampleId(rows.size() / 2);
            double refreshOne = median(request.repeats(), () -> rows.withRows(store.review().rowsOf(first.datasetIds(),
                    rows.columns(), new long[] {middle})));
            long candidates = IntStream.range(0, rows.size()).mapToLong(rows::candidateCount).sum();
            Optional<ReviewBenchReport.Baseline> baseline = Optional.empty();
            if (request.baselineScript().isPresent()) {
                context.message("Running the Python baseline");
                baseline = Optional.of(PythonBaseline.run(request.python(), request.baselineScript().get(),
                        request.project(), rows.columns(), matchExpression(request.warmQuery()), request.repeats()));
            }
            return new ReviewBenchReport(request.project().toString(), rows.size(), candidates,
                    Files.size(request.project()), generated, Runtime.version().toString(),
                    Runtime.getRuntime().availableProcessors(), first.totalMillis(), median(opens),
                    first.rowsMillis(), first.pageMillis(), filtered.length, filterFirst, filter, sortFirst, sort,
                    hits[0].length, searchFirst, searchWarm, refreshOne, heapUsed, heapUsed - heapBefore, baseline);
        }
    }

    private static Loaded load(ProjectStore store, long start) throws StoreException {
        long[] ids = store.datasets().list().stream().mapToLong(d -> d.id()).toArray();
        List<ScoreColumn> columns = ReviewColumns.defaults(store, ids);
        ReviewRows rows = store.review().rows(ids, columns);
        double rowsMillis = millis(start);
        long page = System.nanoTime();
        long[] first = new long[Math.min(PAGE, rows.size())];
        for (int i = 0; i < first.length; i++) {
            first[i] = rows.sampleId(i);
        }
        store.samples().fetch(first, 0, first.length);
        return new Loaded(rows, ids, millis(start), rowsMillis, millis(page));
    }

    /** The FTS5 query the store builds for a search: each word quoted, as a prefix. */
    static String matchExpression(String query) {
        return String.join(" ", Arrays.stream(query.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
                .filter(w -> !w.isEmpty()).map(w -> "\"" + w + "\"*").toList());
    }

    /** Work whose time is measured. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double median(int repeats, Work work) throws Exception {
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            work.run();
            times[i] = millis(t);
        }
        return median(times);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
