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
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "export", description = {
    "Write samples in a training format, atomically, with a manifest beside the file.",
    "Formats: alpaca-json, alpaca-jsonl, sharegpt, messages-jsonl.",
    "--accepted writes the curated dataset (what the decisions keep); --dpo adds preference pairs."})
final class ExportCommand extends ProjectCommand {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = {"-f", "--format"}, required = true, converter = FormatConverter.class, description = "Output format.")
    DatasetFormat format;

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|ID", description = "Datasets to export (repeatable). Default: all.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only samples containing TEXT (case-insensitive).")
    String filter = "";

    @Option(names = "--accepted", description = "The curated dataset: only samples whose current decision keeps them,"
            + " each with the candidate it keeps (edits included).")
    boolean accepted;

    @Option(names = "--chosen", description = "The same as --accepted (kept for existing scripts).")
    boolean chosen;

    @Option(names = "--dpo", paramLabel = "FILE", description = "With --accepted: also write DPO preference pairs"
            + " (JSON lines: prompt, chosen, rejected, ...) to FILE.")
    Path dpo;

    @Option(names = "--llama-factory", description = "Also add an entry for the file to dataset_info.json beside it.")
    boolean llamaFactory;

    @Override
    int run(ProjectStore store) throws StoreException {
        var ids = new ArrayList<Long>();
        for (String d : datasets) {
            ids.add(dataset(store, d).id());
        }
        if (dpo != null && !(accepted || chosen)) {
            throw new ParameterException(spec.commandLine(), "--dpo needs --accepted: pairs come from the decisions");
        }
        ExportRequest request;
        try {
            boolean curated = accepted || chosen;
            request = new ExportRequest(new SampleQuery(ids, filter, curated), format, out, llamaFactory, curated,
                    Optional.ofNullable(dpo));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
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
            result.curation().ifPresent(c -> node.put("kept", c.kept()).put("rejected", c.rejected())
                    .put("undecided", c.undecided()));
            result.preferencePairs().ifPresent(p -> node.put("dpo", p.toString())
                    .put("pairs", result.curation().orElseThrow().pairs()));
            printResult(node);
        } else {
            env().out().printf("Wrote %,d records to %s (manifest %s)%n", result.records(), result.file(),
                    result.manifest().getFileName());
            result.curation().ifPresent(c -> env().out().printf("Kept %,d samples; left out %,d rejected and %,d"
                    + " undecided%n", c.kept(), c.rejected(), c.undecided()));
            result.preferencePairs().ifPresent(p -> env().out().printf("Wrote %,d preference pairs to %s%n",
                    result.curation().orElseThrow().pairs(), p));
            result.datasetInfo().ifPresent(p -> env().out().println("Updated " + p));
        }
        return ok();
    }
}
