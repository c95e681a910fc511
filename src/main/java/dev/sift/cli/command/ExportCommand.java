package dev.sift.cli.command;

import dev.sift.app.SiftContext;
import dev.sift.cli.CliJobs;
import dev.sift.core.export.ExportJob;
import dev.sift.core.export.ExportRequest;
import dev.sift.core.export.ExportResult;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = {
    "Write samples in a training format, atomically, with a manifest beside the file.",
    "Formats: alpaca-json, alpaca-jsonl, sharegpt, messages-jsonl."})
final class ExportCommand extends ProjectCommand {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = {"-f", "--format"}, required = true, converter = FormatConverter.class, description = "Output format.")
    DatasetFormat format;

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|ID", description = "Datasets to export (repeatable). Default: all.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only samples containing TEXT (case-insensitive).")
    String filter = "";

    @Option(names = "--chosen", description = "Only samples whose current decision keeps them (e.g. after sift select).")
    boolean chosen;

    @Option(names = "--llama-factory", description = "Also add an entry for the file to dataset_info.json beside it.")
    boolean llamaFactory;

    @Override
    int run(ProjectStore store) throws StoreException {
        var ids = new ArrayList<Long>();
        for (String d : datasets) {
            ids.add(dataset(store, d).id());
        }
        var request = new ExportRequest(new SampleQuery(ids, filter, chosen), format, out, llamaFactory);
        CliJobs.Outcome<ExportResult> outcome = jobs().run(new ExportJob(request, store, SiftContext.version()));
        if (!outcome.ok()) {
            return fail(outcome);
        }
        ExportResult result = outcome.value();
        if (json) {
            var node = env().json().createObjectNode();
            node.put("file", result.file().toString()).put("manifest", result.manifest().toString());
            node.put("records", result.records());
            result.datasetInfo().ifPresent(p -> node.put("datasetInfo", p.toString()));
            printResult(node);
        } else {
            env().out().printf("Wrote %,d records to %s (manifest %s)%n", result.records(), result.file(),
                    result.manifest().getFileName());
            result.datasetInfo().ifPresent(p -> env().out().println("Updated " + p));
        }
        return ok();
    }
}
