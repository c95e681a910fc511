package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ConsoleProgressListener;
import dev.sift.cli.ExitCodes;
import dev.sift.cli.JsonLinesListener;
import dev.sift.core.job.JobListener;
import dev.sift.core.llm.bench.FanOutBenchmark;
import dev.sift.core.llm.bench.FanOutReport;
import dev.sift.core.llm.bench.FanOutRequest;
import dev.sift.core.llm.local.bench.ScoringBenchmark;
import dev.sift.core.llm.local.bench.ScoringReport;
import dev.sift.core.llm.local.bench.ScoringRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sift bench <benchmark>}: measurements of Sift itself; they need no project. */
@Command(name = "bench", description = "Measure Sift itself (no project needed).",
        subcommands = {BenchCommand.FanOut.class, BenchCommand.Scoring.class})
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
            JobListener listener = json
                    ? new JsonLinesListener(env.out(), env.json())
                    : new ConsoleProgressListener(env.err(), env.terminal());
            CliJobs.Outcome<FanOutReport> outcome = new CliJobs(env.context().jobs(), listener)
                    .run(new FanOutBenchmark(request));
            if (!outcome.ok()) {
                env.err().println("sift bench fanout: " + outcome.failure());
                return outcome.exitCode();
            }
            if (json) {
                env.out().println(toJson(env, outcome.value()));
            } else {
                printTable(env.out(), outcome.value());
            }
            return ExitCodes.OK;
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

    @Command(name = "scoring", description = {
        "Scoring throughput of a local ONNX model: Sift's full path (OnnxCausalLm.tokenNll, one by one and",
        "batched, log-softmax and NLL extraction included) against bare ONNX Runtime session.run on the same",
        "generated token batches, with the same intra-op threads, in the same run.",
        "Reports tokens/s and samples/s of both, the ratio Sift/bare (goal >= 0.90) and the batching speedup",
        "over one by one. Exits 0 even when the goal is missed (it is a measurement), 1 when the model fails."})
    static final class Scoring implements Callable<Integer> {

        @ParentCommand
        private BenchCommand bench;

        @Spec
        private CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "FOLDER",
                description = "A Hugging Face ONNX export folder (model.onnx, tokenizer.json, config.json).")
        Path model;

        @Option(names = "--lengths", split = ",", defaultValue = "128,256,512", paramLabel = "TOKENS",
                description = "Sequence lengths, comma-separated (default ${DEFAULT-VALUE}).")
        List<Integer> lengths;

        @Option(names = "--samples", defaultValue = "8", paramLabel = "N",
                description = "Generated sequences per length (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--batch", split = ",", defaultValue = "1,4,8", paramLabel = "B",
                description = "Batch sizes, comma-separated; 1 is one by one (default ${DEFAULT-VALUE}).")
        List<Integer> batchSizes;

        @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
                description = "ONNX Runtime intra-op threads for both paths; 0 is its default "
                        + "(default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--rounds", defaultValue = "2", paramLabel = "N",
                description = "Times each path scores every sequence, alternating which goes first "
                        + "(default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--json", description = "Write events and the result as JSON lines on stdout.")
        boolean json;

        @Override
        public Integer call() {
            CliEnvironment env = bench.env();
            ScoringRequest request;
            try {
                request = ScoringRequest.of(model).withLengths(lengths).withSamples(samples)
                        .withBatchSizes(batchSizes).withThreads(threads).withRounds(rounds);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            JobListener listener = json
                    ? new JsonLinesListener(env.out(), env.json())
                    : new ConsoleProgressListener(env.err(), env.terminal());
            CliJobs.Outcome<ScoringReport> outcome = new CliJobs(env.context().jobs(), listener)
                    .run(new ScoringBenchmark(request));
            if (!outcome.ok()) {
                env.err().println("sift bench scoring: " + outcome.failure());
                return outcome.exitCode();
            }
            if (json) {
                env.out().println(toJson(env, outcome.value()));
            } else {
                printTable(env.out(), outcome.value());
            }
            return ExitCodes.OK;
        }

        private static void printTable(PrintStream out, ScoringReport report) {
            out.printf(Locale.ROOT, "Scoring %s: Sift tokenNll vs bare session.run, intra-op threads %s, %d rounds%n",
                    report.model(), report.intraOpThreads() == 0 ? "default" : report.intraOpThreads(),
                    report.rounds());
            out.printf(Locale.ROOT, "Java %s, %d processors%n%n", report.jvm(), report.processors());
            out.println("| length | batch | samples | bare tok/s | Sift tok/s | bare samples/s | Sift samples/s "
                    + "| Sift/bare totals | Sift/bare paired median (goal >= 0.90) | batching speedup Sift "
                    + "| batching speedup bare | mean NLL | goal |");
            out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            for (ScoringReport.Row row : report.rows()) {
                out.printf(Locale.ROOT,
                        "| %d | %d | %d | %.1f | %.1f | %.2f | %.2f | %.3f | %.3f | %s | %s | %.3f | %s |%n",
                        row.length(), row.batchSize(), row.samples(), row.bareTokensPerSecond(),
                        row.siftTokensPerSecond(), row.bareSamplesPerSecond(), row.siftSamplesPerSecond(),
                        row.ratio(), row.pairedRatio(),
                        number(report.siftBatchingSpeedup(row)), number(report.bareBatchingSpeedup(row)),
                        row.meanNll(), row.meetsGoal() ? "PASS" : "MISS");
            }
        }

        private static String number(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
        }

        private static ObjectNode toJson(CliEnvironment env, ScoringReport report) {
            ObjectNode node = env.json().createObjectNode();
            node.put("event", "result");
            node.put("model", report.model()).put("intraOpThreads", report.intraOpThreads());
            node.put("rounds", report.rounds()).put("jvm", report.jvm()).put("processors", report.processors());
            node.put("goal", ScoringReport.GOAL).put("meetsGoal", report.meetsGoal());
            ArrayNode rows = node.putArray("rows");
            for (ScoringReport.Row row : report.rows()) {
                ObjectNode r = rows.addObject();
                r.put("length", row.length()).put("batchSize", row.batchSize()).put("samples", row.samples());
                r.put("siftTokens", row.siftTokens()).put("bareTokens", row.bareTokens());
                r.put("siftSeconds", row.siftNanos() / 1e9).put("bareSeconds", row.bareNanos() / 1e9);
                r.put("siftTokensPerSecond", row.siftTokensPerSecond());
                r.put("bareTokensPerSecond", row.bareTokensPerSecond());
                r.put("siftSamplesPerSecond", row.siftSamplesPerSecond());
                r.put("bareSamplesPerSecond", row.bareSamplesPerSecond());
                r.put("ratio", row.ratio()).put("pairedRatio", row.pairedRatio());
                r.put("meetsGoal", row.meetsGoal()).put("meanNll", row.meanNll());
                double speedup = report.siftBatchingSpeedup(row);
                if (!Double.isNaN(speedup)) {
                    r.put("siftBatchingSpeedup", speedup).put("bareBatchingSpeedup", report.bareBatchingSpeedup(row));
                }
            }
            return node;
        }
    }
}
