package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.review.ReviewSelection;
import dev.sift.core.review.ReviewStats;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.ScoreColumn;
import java.io.PrintStream;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sift review-stats}: the review's counts and agreement rates over the (filtered) rows. */
@Command(name = "review-stats", description = {
    "Review counts and agreement over the rows a filter keeps: totals per state, who decided,",
    "algorithm vs curator, judge vs curator and judge vs IFD agreement, the IFD cut-off and the score columns."})
final class ReviewStatsCommand extends ReviewScopeCommand {

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Only rows matching, e.g. \"ifd<1,state=undecided,disagree=judge\".")
    String filterText;

    @Override
    String filterExpression() {
        return filterText;
    }

    @Override
    int run(ProjectStore store) throws Exception {
        ReviewSelection selection = select(store);
        ReviewStats stats = selection.stats();
        if (json) {
            printResult(toJson(selection, stats));
        } else {
            print(env().out(), selection, stats);
        }
        return ok();
    }

    private void print(PrintStream out, ReviewSelection selection, ReviewStats s) {
        String filterWords = selection.filter().isEmpty() ? "" : " matching " + selection.filter().expression();
        out.printf(Locale.ROOT, "Review of %s: %,d samples%s (of %,d)%n", scopeWords(), s.total(), filterWords,
                selection.rows().size());
        for (ReviewState state : ReviewState.values()) {
            out.printf(Locale.ROOT, "  %-10s %,d%n", state.id(), s.byState().get(state));
        }
        out.printf(Locale.ROOT, "Decided by the algorithm %,d, by the curator %,d%n", s.decidedByAlgorithm(),
                s.decidedByCurator());
        out.println("Agreement:");
        out.println("  algorithm vs curator  " + rate(s.algorithmCurator()));
        out.println("  judge vs curator      " + rate(s.judgeCurator()));
        out.println("  judge vs IFD          " + rate(s.judgeIfd()));
        double cut = selection.verdicts().ifdCut();
        out.println("IFD keeps a sample when " + (Double.isNaN(cut) ? "(no IFD below 1 in view)"
                : String.format(Locale.ROOT, "%.4f <= IFD < 1", cut)) + "; the judge when it scores 7 or more");
        if (selection.rows().columns().isEmpty()) {
            out.println("Score columns: none (no scores yet)");
        }
        for (ScoreColumn c : selection.rows().columns()) {
            out.printf(Locale.ROOT, "Score column %s: %s of %s, %s%n", c.key(), c.group().metric(), c.group().scorer(),
                    c.group().template().isEmpty() ? "no settings" : c.group().template());
        }
    }

    /** "412 of 500 (82.4%)", or "not compared" when no row had both. */
    static String rate(ReviewStats.Rate rate) {
        return rate.compared() == 0 ? "not compared (no row has both)"
                : String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", rate.agree(), rate.compared(), 100 * rate.value());
    }

    private ObjectNode toJson(ReviewSelection selection, ReviewStats s) {
        ObjectNode node = env().json().createObjectNode();
        node.put("kind", "review-stats").put("filter", selection.filter().expression());
        node.put("rows", selection.rows().size()).put("total", s.total());
        ObjectNode states = node.putObject("byState");
        for (ReviewState state : ReviewState.values()) {
            states.put(state.id(), s.byState().get(state));
        }
        node.put("decidedByAlgorithm", s.decidedByAlgorithm()).put("decidedByCurator", s.decidedByCurator());
        ObjectNode agreement = node.putObject("agreement");
        rate(agreement.putObject("algorithmCurator"), s.algorithmCurator());
        rate(agreement.putObject("judgeCurator"), s.judgeCurator());
        rate(agreement.putObject("judgeIfd"), s.judgeIfd());
        double cut = selection.verdicts().ifdCut();
        if (Double.isNaN(cut)) {
            node.putNull("ifdCut");
        } else {
            node.put("ifdCut", cut);
        }
        var columns = node.putArray("columns");
        for (ScoreColumn c : selection.rows().columns()) {
            columns.addObject().put("key", c.key()).put("metric", c.group().metric())
                    .put("scorer", c.group().scorer()).put("settings", c.group().template());
        }
        return node;
    }

    private static void rate(ObjectNode node, ReviewStats.Rate rate) {
        node.put("agree", rate.agree()).put("compared", rate.compared());
        if (rate.compared() == 0) {
            node.putNull("percent");
        } else {
            node.put("percent", 100 * rate.value());
        }
    }
}
