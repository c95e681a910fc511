package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "datasets", description = "List the datasets of the project.")
final class DatasetsCommand extends ProjectCommand {

    @Override
    int run(ProjectStore store) throws StoreException {
        List<Dataset> datasets = store.datasets().list();
        if (json) {
            ArrayNode array = env().json().createArrayNode();
            datasets.forEach(d -> array.add(toJson(d)));
            var result = env().json().createObjectNode();
            result.set("datasets", array);
            printResult(result);
            return ok();
        }
        if (datasets.isEmpty()) {
            env().out().println("No datasets yet. Import one with: sift import --project " + project + " FILE");
            return ok();
        }
        String row = "%-4s %-28s %-15s %10s %10s %10s  %s%n";
        env().out().printf(row, "ID", "NAME", "FORMAT", "RECORDS", "SAMPLES", "DUPLICATES", "SOURCE");
        for (Dataset d : datasets) {
            env().out().printf(row, d.id(), d.name(), d.format().id(), String.format("%,d", d.records()),
                    String.format("%,d", d.samples()), String.format("%,d", d.duplicates()), d.sourceFile());
        }
        return ok();
    }
}
