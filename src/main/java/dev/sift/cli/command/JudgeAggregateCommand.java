package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.cli.ExitCodes;
import dev.sift.core.judge.JudgeBias.PositionFlips;
import dev.sift.core.judge.PairwiseAggregation;
import dev.sift.core.judge.WinTieLose;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sift judge pairwise-aggregate DIR}: win/tie/lose of a folder of Cherry-format pairwise review files. */
@Command(name = "pairwise-aggregate", description = {
    "Win/tie/lose of model 1 against model 2 over a folder of pairwise review files in Cherry LLM's format",
    "({Meta_Info, data: [{..., review, scores, review_reverse, scores_reverse}]}), judged in both orders:",
    "win when both orders favour model 1 or one does and the other ties, lose symmetrically, else tie.",
    "Prints each file and the total with N, the winning score (W-L)/N+1 and the position-flip rate.",
    "Items whose scores could not be read are counted apart, never guessed. No project needed."})
final class JudgeAggregateCommand implements Callable<Integer> {

    @ParentCommand
    private JudgeCommand judge;

    @Parameters(paramLabel = "DIR", description = "The folder of *.json review files.")
    Path dir;

    @Option(names = "--json", description = "Write the result as one JSON line on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = judge.env();
        PairwiseAggregation.Result result = PairwiseAggregation.ofDirectory(dir);
        if (json) {
            env.out().println(toJson(env, result));
        } else {
            print(env.out(), result);
        }
        return ExitCodes.OK;
    }

    private static void print(PrintStream out, PairwiseAggregation.Result result) {
        out.printf(Locale.ROOT, "%-36s %6s %6s %6s %6s %8s %10s %9s%n", "file", "win", "tie", "lose", "N",
                "score", "unparsed", "flipped");
        for (PairwiseAggregation.FileResult file : result.files()) {
            row(out, file.file(), file.counts(), file.flips());
        }
        row(out, "total", result.total(), result.totalFlips());
    }

    private static void row(PrintStream out, String name, WinTieLose c, PositionFlips flips) {
        out.printf(Locale.ROOT, "%-36s %6d %6d %6d %6d %8.4f %10d %8.1f%%%n", name, c.wins(), c.ties(), c.losses(),
                c.n(), c.winningScore(), c.unparsed(), 100 * flips.rate());
    }

    private static ObjectNode toJson(CliEnvironment env, PairwiseAggregation.Result result) {
        ObjectNode root = env.json().createObjectNode().put("event", "result").put("kind", "pairwise-aggregate");
        var files = root.putArray("files");
        for (PairwiseAggregation.FileResult file : result.files()) {
            ObjectNode node = files.addObject().put("file", file.file()).put("dataset", file.dataset());
            counts(node, file.counts(), file.flips());
        }
        counts(root.putObject("total"), result.total(), result.totalFlips());
        return root;
    }

    private static void counts(ObjectNode node, WinTieLose c, PositionFlips flips) {
        node.put("win", c.wins()).put("tie", c.ties()).put("lose", c.losses()).put("n", c.n())
                .put("winningScore", c.winningScore()).put("unparsed", c.unparsed())
                .put("positionFlipRate", flips.rate());
    }
}
