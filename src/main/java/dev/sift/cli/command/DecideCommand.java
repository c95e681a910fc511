package dev.sift.cli.command;

import dev.sift.cli.ExitCodes;
import dev.sift.core.review.BulkPlan;
import dev.sift.core.review.BulkRule;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewAction;
import java.io.Console;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sift decide}: one bulk review action over the rows of a filter, undoable like the workbench's. */
@Command(name = "decide", description = {
    "Record a curator decision for every row a filter keeps, as one review action (sift undo takes it back).",
    "Asks for confirmation on a terminal; elsewhere pass --yes."})
final class DecideCommand extends ReviewScopeCommand {

    /** Which bulk rule. */
    static final class Rule {
        @Option(names = "--accept-algorithm", required = true,
                description = "Confirm the algorithm's decision (rows without one are skipped).")
        boolean acceptAlgorithm;

        @Option(names = "--reject", required = true, description = "Reject the rows.")
        boolean reject;

        @Option(names = "--keep-shown", required = true,
                description = "Keep the candidate each row shows (the current choice, else the original).")
        boolean keepShown;

        @Option(names = "--keep-original", required = true, description = "Keep the imported record itself.")
        boolean keepOriginal;

        BulkRule rule() {
            return acceptAlgorithm ? BulkRule.ACCEPT_ALGORITHM : reject ? BulkRule.REJECT
                    : keepShown ? BulkRule.KEEP_SHOWN : BulkRule.KEEP_ORIGINAL;
        }
    }

    @Option(names = "--filter", required = true, paramLabel = "EXPR",
            description = "The rows to decide, e.g. \"ifd>=0.5,ifd<1,state=undecided\"; \"\" for every row.")
    String filterText;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Rule rule;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--dry-run", description = "Only say what would be recorded.")
    boolean dryRun;

    @Override
    String filterExpression() {
        return filterText;
    }

    @Override
    int run(ProjectStore store) throws Exception {
        BulkPlan plan = select(store).plan(rule.rule());
        String would = String.format(Locale.ROOT, "would record %,d decisions (%,d skipped: no algorithm decision)",
                plan.decisions().size(), plan.skipped());
        if (!json) {
            env().out().printf(Locale.ROOT, "%s: %,d rows match; %s%n", plan.description(), plan.matched(), would);
        }
        if (dryRun || plan.decisions().isEmpty()) {
            if (json) {
                printResult(planJson(plan).put("recorded", false));
            } else if (plan.decisions().isEmpty()) {
                env().out().println("Nothing to record.");
            }
            return ok();
        }
        if (!yes && !confirmed(plan)) {
            return ExitCodes.USAGE;
        }
        ReviewAction action = store.review().record(plan.action());
        if (json) {
            printResult(planJson(plan).put("recorded", true).put("action", action.id()));
        } else {
            env().out().printf(Locale.ROOT, "Recorded action %d: %s (sift undo takes it back)%n", action.id(),
                    action.description());
        }
        return ok();
    }

    private boolean confirmed(BulkPlan plan) {
        Console console = System.console();
        if (!env().terminal() || console == null) {
            env().err().println("sift decide: not asking for confirmation without a terminal; pass --yes to record "
                    + "the " + plan.decisions().size() + " decisions, or --dry-run to only see them");
            return false;
        }
        String answer = console.readLine("%s? [y/N] ", plan.description());
        if (answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            return true;
        }
        env().err().println("sift decide: nothing recorded");
        return false;
    }

    private com.fasterxml.jackson.databind.node.ObjectNode planJson(BulkPlan plan) {
        return env().json().createObjectNode().put("kind", "decide").put("rule", rule.rule().id())
                .put("filter", filter().expression()).put("matched", plan.matched()).put("decisions", plan.decisions().size())
                .put("skipped", plan.skipped()).put("description", plan.description());
    }
}
