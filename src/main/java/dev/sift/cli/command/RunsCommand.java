package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sift.cli.ExitCodes;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code sift runs}: the project's runs. Without a subcommand it lists them, as {@code sift runs list} does;
 * {@code show RUN} prints one run in full and {@code resume RUN} continues it.
 */
@Command(name = "runs", description = "List the project's runs with status, progress, tokens and cost.",
        subcommands = {RunsCommand.ListRuns.class, RunShowCommand.class, RunResumeCommand.class})
final class RunsCommand extends ProjectCommand {

    @Override
    int run(ProjectStore store) throws StoreException {
        return list(this, store);
    }

    /** {@code sift runs list}. */
    @Command(name = "list", description = "List the project's runs with status, progress, tokens and cost.")
    static final class ListRuns extends ProjectCommand {
        @Override
        int run(ProjectStore store) throws StoreException {
            return list(this, store);
        }
    }

    static int list(ProjectCommand command, ProjectStore store) throws StoreException {
        List<Run> runs = store.runs().list();
        var env = command.env();
        if (command.json) {
            ArrayNode array = env.json().createArrayNode();
            for (Run r : runs) {
                array.addObject().put("id", r.id()).put("recipe", r.recipe()).put("dataset", r.datasetId())
                        .put("status", r.status().id()).put("done", r.doneItems()).put("total", r.totalItems())
                        .put("tokensIn", r.tokensIn()).put("tokensOut", r.tokensOut()).put("cost", r.costUsd())
                        .put("createdAt", r.createdAt().toString()).put("error", r.error());
            }
            var result = env.json().createObjectNode();
            result.set("runs", array);
            command.printResult(result);
            return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
            env.out().println("No runs yet. Start one with: sift run generate --project " + command.project + " …");
            return ExitCodes.OK;
        }
        String row = "%-5s %-20s %-20s %-10s %15s %12s %10s  %s%n";
        env.out().printf(row, "ID", "RECIPE", "DATASET", "STATUS", "DONE", "TOKENS", "COST", "NOTE");
        for (Run r : runs) {
            String datasetName = store.datasets().find(r.datasetId()).map(Dataset::name).orElse("-");
            env.out().printf(Locale.ROOT, row, r.id(), r.recipe(), datasetName, r.status().id(),
                    String.format(Locale.ROOT, "%,d/%,d", r.doneItems(), r.totalItems()),
                    String.format(Locale.ROOT, "%,d", r.tokensIn() + r.tokensOut()),
                    String.format(Locale.ROOT, "%.4f", r.costUsd()), r.error());
        }
        return ExitCodes.OK;
    }
}
