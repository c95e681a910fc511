package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.core.review.bench.ReviewBenchReport;
import dev.sift.core.review.bench.ReviewBenchRequest;
import dev.sift.core.review.bench.ReviewBenchmark;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sift bench review}: the review's load, filter, sort and search times on a large generated project. */
@Command(name = "review", description = {
    "The review on a large project: time to first rows (open, rows, first 200 texts; goal < 1.5 s), a filter by",
    "IFD range and state and a warm search (goals < 100 ms), a sort by IFD, the first search (builds the word",
    "index) and the heap the rows take. Generates the project (samples x 3 candidates, IFD on the originals,",
    "algorithm decisions on half, curator actions on a few thousand) when the file is absent, else reuses it.",
    "With --baseline, runs the Python sqlite3 script doing the same reads on the same file and reports ratios.",
    "Exits 0 even when a goal is missed (it is a measurement)."})
final class BenchReviewCommand implements Callable<Integer> {

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "FILE",
            description = "The benchmark project: generated when absent, reused when present.")
    Path project;

    @Option(names = "--samples", defaultValue = "200000", paramLabel = "N",
            description = "Samples to generate (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--curator-decisions", defaultValue = "3000", paramLabel = "N",
            description = "Curator decisions to generate, in actions of 100 (default ${DEFAULT-VALUE}).")
    int curatorDecisions;

    @Option(names = "--baseline", paramLabel = "SCRIPT", description = "The Python baseline, bench/review/baseline.py.")
    Path baseline;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "PATH",
            description = "The interpreter for the baseline (default ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N",
            description = "Repeats of the warm measurements; medians are reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--json", description = "Write events and the result as JSON lines on stdout.")
    boolean json;

    @Override
    public Integer call() {
        CliEnvironment env = bench.env();
        ReviewBenchRequest request;
        try {
            request = new ReviewBenchRequest(project, samples, curatorDecisions, Optional.ofNullable(baseline), python,
                    repeats, "rain", "garden");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return BenchCommand.runAndReport(env, json, "review", new ReviewBenchmark(request),
                report -> toJson(env, report), BenchReviewCommand::printTable);
    }

    private static void printTable(PrintStream out, ReviewBenchReport r) {
        out.printf(Locale.ROOT, "Review of %s: %,d samples, %,d candidates, %.0f MB%s%n", r.project(), r.samples(),
                r.candidates(), r.projectBytes() / 1e6, r.generatedSeconds() > 0
                        ? String.format(Locale.ROOT, " (generated in %.1f s)", r.generatedSeconds()) : " (reused)");
        out.printf(Locale.ROOT, "Java %s, %d processors%s%n%n", r.jvm(), r.processors(),
                r.baseline().map(b -> "; baseline " + b.python()).orElse(""));
        out.println("| step | Sift ms | goal | baseline ms | Sift / baseline |");
        out.println("|---|---:|---|---:|---:|");
        var b = r.baseline();
        row(out, "time to first rows (open + rows + first 200 texts), first", r.openMillis(),
                verdict(r.meetsOpenGoal(), "< 1500"), b.map(ReviewBenchReport.Baseline::openMillis));
        row(out, "time to first rows, repeated (median)", r.openRepeatMillis(), "", Optional.empty());
        row(out, "  of which rows (first)", r.rowsMillis(), "", Optional.empty());
        row(out, "  of which first page of texts (first)", r.pageMillis(), "", Optional.empty());
        row(out, String.format(Locale.ROOT, "filter ifd>=0.3,ifd<1,state=undecided -> %,d rows, first (with verdicts)",
                r.filteredRows()), r.filterFirstMillis(), "", Optional.empty());
        row(out, "filter, median", r.filterMillis(), verdict(r.meetsFilterGoal(), "< 100"),
                b.map(ReviewBenchReport.Baseline::filterMillis));
        row(out, "sort all rows by IFD, first", r.sortFirstMillis(), "", Optional.empty());
        row(out, "sort all rows by IFD, median", r.sortMillis(), "", b.map(ReviewBenchReport.Baseline::sortMillis));
        row(out, "refresh the rows after an action on one sample, median", r.refreshOneMillis(), "",
                Optional.empty());
        row(out, "first search (builds the word index)", r.searchFirstMillis(), "", Optional.empty());
        row(out, String.format(Locale.ROOT, "warm search 'garden' -> %,d samples, median", r.searchHits()),
                r.searchWarmMillis(), verdict(r.meetsSearchGoal(), "< 100"),
                b.map(ReviewBenchReport.Baseline::searchWarmMillis));
        out.printf(Locale.ROOT, "%nHeap used after GC with the rows loaded: %.1f MB (%.1f MB more than before opening)%n",
                r.heapUsedBytes() / 1e6, r.heapRowsBytes() / 1e6);
        b.ifPresent(base -> out.printf(Locale.ROOT, "Baseline counts: %,d filtered rows, %,d search hits%s%n",
                base.filteredRows(), base.searchHits(), base.notes().isEmpty() ? "" : "; " + base.notes()));
    }

    private static void row(PrintStream out, String step, double sift, String goal, Optional<Double> baseline) {
        out.printf(Locale.ROOT, "| %s | %.1f | %s | %s | %s |%n", step, sift, goal,
                baseline.filter(Double::isFinite).map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("-"),
                baseline.filter(Double::isFinite)
                        .map(v -> String.format(Locale.ROOT, "%.2f", ReviewBenchReport.ratio(sift, v))).orElse("-"));
    }

    private static String verdict(boolean met, String goal) {
        return goal + " ms " + (met ? "PASS" : "MISS");
    }

    private static ObjectNode toJson(CliEnvironment env, ReviewBenchReport r) {
        ObjectNode node = env.json().createObjectNode();
        node.put("event", "result").put("project", r.project()).put("samples", r.samples());
        node.put("candidates", r.candidates()).put("projectBytes", r.projectBytes());
        node.put("generatedSeconds", r.generatedSeconds()).put("jvm", r.jvm()).put("processors", r.processors());
        node.put("openMs", r.openMillis()).put("openRepeatMs", r.openRepeatMillis());
        node.put("rowsMs", r.rowsMillis()).put("pageMs", r.pageMillis()).put("filteredRows", r.filteredRows());
        node.put("filterFirstMs", r.filterFirstMillis()).put("filterMs", r.filterMillis());
        node.put("sortFirstMs", r.sortFirstMillis()).put("sortMs", r.sortMillis());
        node.put("searchHits", r.searchHits()).put("searchFirstMs", r.searchFirstMillis());
        node.put("searchWarmMs", r.searchWarmMillis()).put("refreshOneMs", r.refreshOneMillis());
        node.put("heapUsedBytes", r.heapUsedBytes()).put("heapRowsBytes", r.heapRowsBytes());
        node.put("meetsOpenGoal", r.meetsOpenGoal()).put("meetsFilterGoal", r.meetsFilterGoal());
        node.put("meetsSearchGoal", r.meetsSearchGoal());
        r.baseline().ifPresent(b -> node.putObject("baseline").put("python", b.python())
                .put("openMs", b.openMillis()).put("filterMs", b.filterMillis()).put("sortMs", b.sortMillis())
                .put("searchWarmMs", Double.isFinite(b.searchWarmMillis()) ? b.searchWarmMillis() : null)
                .put("filteredRows", b.filteredRows()).put("searchHits", b.searchHits()).put("notes", b.notes()));
        return node;
    }
}
