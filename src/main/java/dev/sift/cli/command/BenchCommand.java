package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.job.Job;
import dev.sift.core.llm.bench.FanOutBenchmark;
import dev.sift.core.llm.bench.FanOutReport;
import dev.sift.core.llm.bench.FanOutRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sift bench <benchmark>}: measurements of Sift itself; they need no project. */
@Command(name = "bench", description = "Measure Sift itself (no project needed).",
        subcommands = {BenchCommand.FanOut.class, BenchScoringCommand.class, BenchReviewCommand.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    private SiftCommand root;

    @Spec
    private CommandSpec spec;

    CliEnvironment env() {
        return root.environment();
    }

    @Override
    public void run() {
        spec.commandLine().usage(env().out());
    }

    /**
     * Runs a benchmark job with the usual progress reporting and prints its report as a table, or as one
     * JSON line with {@code --json}. A missed goal still exits 0: a benchmark is a measurement.
     */
    static <R> int runAndReport(CliEnvironment env, boolean json, String name, Job<R> job,
            Function<R, ObjectNode> toJson, BiConsumer<PrintStream, R> table) {
        CliJobs.Outcome<R> outcome = CliJobs.forCommand(env, json, () -> "").run(job);
        if (!outcome.ok()) {
            env.err().println("sift bench " + name + ": " + outcome.failure());
            return outcome.exitCode();
        }
        if (json) {
            env.out().println(toJson.apply(outcome.value()));
        } else {
            table.accept(env.out(), outcome.value());
        }
        return ExitCodes.OK;
    }

    @Command(name = "fanout", description = {
        "Concurrent chat calls through the real LLM stack against a server with a fixed latency",
        "(e.g. bench/llm/latency_server.py).",
        "Reports achieved requests/s as a fraction of the limit concurrency / latency",
        "(goal >= 0.95) and the client's CPU time per call (goal < 0.5 ms).",
        "Exits 0 even when a goal is missed (it is a measurement), 1 when the server cannot be reached."})
    static final class FanOut implements Callable<Integer> {

        @ParentCommand
        private BenchCommand bench;

        @Spec
        private CommandSpec spec;

        @Option(names = "--base-url", required = true, paramLabel = "URL",
                description = "The server's API root, e.g. http://127.0.0.1:8000/v1.")
        String baseUrl;

        @Option(names = "--model", defaultValue = FanOutRequest.DEFAULT_MODEL,
                description = "The model id to send (default ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--latency-ms", defaultValue = "200", paramLabel = "MS",
                description = "The server's fixed latency per answer (default ${DEFAULT-VALUE}).")
        long latencyMs;

        @Option(names = "--concurrency", split = ",", defaultValue = "8,64,256", paramLabel = "C",
                description = "Concurrency levels, comma-separated (default ${DEFAULT-VALUE}).")
        List<Integer> concurrency;

        @Option(names = "--requests", paramLabel = "N",
                description = "Calls per level, rounded up to whole rounds of the concurrency. Default: "
                        + "max(8 x concurrency, 400), at most 10 s worth at the limit.")
        Integer requests;

        @Option(names = "--max-warm-up", defaultValue = "30", paramLabel = "SECONDS",
                description = "The unreported warm-up at the highest concurrency ends when the JIT compiler has "
                        + "settled or after this long; 0 skips it (default ${DEFAULT-VALUE}).")
        long maxWarmUpSeconds;

        @Option(names = "--no-baseline",
                description = "Skip the raw-socket baseline that runs the same calls before each level.")
        boolean noBaseline;

        @Option(names = "--json", description = "Write events and the result as JSON lines on stdout.")
        boolean json;

        @Override
        public Integer call() {
            CliEnvironment env = bench.env();
            FanOutRequest request;
            try {
                request = FanOutRequest.of(baseUrl, Duration.ofMillis(latencyMs), concurrency)
                        .withModel(model).withMaxWarmUp(Duration.ofSeconds(maxWarmUpSeconds)).withBaseline(!noBaseline);
                if (requests != null) {
                    request = request.withRequests(requests);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return runAndReport(env, json, "fanout", new FanOutBenchmark(request), report -> toJson(env, report),
                    FanOut::printTable);
        }

        private static void printTable(PrintStream out, FanOutReport report) {
            out.printf(Locale.ROOT, "Fan-out against %s, server latency %d ms, model %s%n", report.baseUrl(),
                    report.latency().toMillis(), report.model());
            out.printf(Locale.ROOT, "Client: Java %s, %d processors; CPU from %s; warm-up %d calls in %.1f s%n%n",
                    report.jvm(), report.processors(), report.cpuSource(), report.warmUpCalls(),
                    report.warmUpNanos() / 1e9);
            out.println("| concurrency | requests | seconds | req/s | limit req/s | ratio (goal >= 0.95) "
                    + "| baseline ratio | client CPU ms/call (goal < 0.5) | of which JIT "
                    + "| baseline CPU ms/call | throughput | CPU |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
            for (FanOutReport.Level level : report.levels()) {
                out.printf(Locale.ROOT, "| %d | %d | %.2f | %.1f | %.1f | %.3f | %s | %.3f | %s | %s | %s | %s |%n",
                        level.concurrency(), level.requests(), level.seconds(), level.requestsPerSecond(),
                        level.limitPerSecond(), level.ratio(), number(level.baselineRatio()),
                        level.cpuMillisPerCall(), level.jitMillis() < 0 ? "?" : number(level.jitMillisPerCall()),
                        level.baseline().map(b -> number(b.cpuMillisPerCall())).orElse("-"),
                        verdict(level, level.meetsThroughputGoal()), verdict(level, level.meetsCpuGoal()));
            }
            for (FanOutReport.Level level : report.levels()) {
                if (!level.valid()) {
                    out.printf(Locale.ROOT, "%nConcurrency %d is INVALID: %d failed attempts, %d failed calls, "
                                    + "%d failed baseline calls; first: %s%n",
                            level.concurrency(), level.failedAttempts(), level.failedCalls(),
                            level.baseline().map(FanOutReport.Baseline::failures).orElse(0),
                            level.firstFailure().or(() -> level.baseline().flatMap(FanOutReport.Baseline::firstFailure))
                                    .orElse("?"));
                }
            }
        }

        private static String number(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
        }

        private static String verdict(FanOutReport.Level level, boolean met) {
            return !level.valid() ? "INVALID" : met ? "PASS" : "MISS";
        }

        private static ObjectNode toJson(CliEnvironment env, FanOutReport report) {
            ObjectNode node = env.json().createObjectNode();
            node.put("event", "result");
            node.put("baseUrl", report.baseUrl()).put("model", report.model());
            node.put("latencyMs", report.latency().toMillis());
            node.put("jvm", report.jvm()).put("processors", report.processors()).put("cpuSource", report.cpuSource());
            node.put("throughputGoal", FanOutReport.THROUGHPUT_GOAL).put("cpuGoalMs", FanOutReport.CPU_GOAL_MILLIS);
            node.put("warmUpCalls", report.warmUpCalls()).put("warmUpSeconds", report.warmUpNanos() / 1e9);
            node.put("valid", report.valid());
            ArrayNode levels = node.putArray("levels");
            for (FanOutReport.Level level : report.levels()) {
                ObjectNode l = levels.addObject();
                l.put("concurrency", level.concurrency()).put("requests", level.requests());
                l.put("failedCalls", level.failedCalls()).put("failedAttempts", level.failedAttempts());
                l.put("seconds", level.seconds()).put("requestsPerSecond", level.requestsPerSecond());
                l.put("limitPerSecond", level.limitPerSecond()).put("ratio", level.ratio());
                l.put("cpuMsPerCall", level.cpuMillisPerCall()).put("jitMsPerCall", level.jitMillisPerCall());
                l.put("meetsThroughputGoal", level.meetsThroughputGoal()).put("meetsCpuGoal", level.meetsCpuGoal());
                l.put("valid", level.valid());
                level.baseline().ifPresent(b -> {
                    ObjectNode base = l.putObject("baseline");
                    base.put("requests", b.requests()).put("failures", b.failures()).put("seconds", b.wallNanos() / 1e9);
                    base.put("requestsPerSecond", b.requestsPerSecond()).put("ratio", level.baselineRatio());
                    base.put("cpuMsPerCall", b.cpuMillisPerCall());
                    b.firstFailure().ifPresent(f -> base.put("firstFailure", f));
                });
                level.firstFailure().ifPresent(f -> l.put("firstFailure", f));
            }
            return node;
        }
    }
}
