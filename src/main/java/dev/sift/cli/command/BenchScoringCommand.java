package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.core.llm.local.bench.ScoringBenchmark;
import dev.sift.core.llm.local.bench.ScoringReport;
import dev.sift.core.llm.local.bench.ScoringRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sift bench scoring}: Sift's in-process scoring path against bare ONNX Runtime. */
@Command(name = "scoring", description = {
    "Scoring throughput of a local ONNX model: Sift's full path (OnnxCausalLm.tokenNll, one by one and",
    "batched, log-softmax and NLL extraction included) against bare ONNX Runtime session.run on the same",
    "generated token batches, with the same intra-op threads, in the same run.",
    "Reports tokens/s and samples/s of both, the ratio Sift/bare (goal >= 0.90) and the batching speedup",
    "over one by one. Exits 0 even when the goal is missed (it is a measurement), 1 when the model fails."})
final class BenchScoringCommand implements Callable<Integer> {

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
        return BenchCommand.runAndReport(env, json, "scoring", new ScoringBenchmark(request),
                report -> toJson(env, report), BenchScoringCommand::printTable);
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
