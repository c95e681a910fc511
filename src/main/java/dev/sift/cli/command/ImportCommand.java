package dev.sift.cli.command;

import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.dataset.CsvMapping;
import dev.sift.core.dataset.ImportJob;
import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
    "Import dataset files into the project, each all-or-nothing.",
    "Exact duplicates (same content) are skipped and counted."})
final class ImportCommand extends ProjectCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = {"-f", "--format"}, converter = FormatConverter.class, completionCandidates = FormatConverter.class,
            description = "Record layout: ${COMPLETION-CANDIDATES}. Default: detected from the file.")
    DatasetFormat format;

    @Option(names = {"-n", "--name"}, description = "Dataset name (one file only). Default: the file name.")
    String name;

    @Option(names = "--csv-columns", split = ",", paramLabel = "FIELD=COLUMN",
            description = "CSV column mapping, e.g. instruction=prompt,input=context,output=answer,category=topic.")
    Map<String, String> csvColumns;

    @Override
    int run(ProjectStore store) {
        if (name != null && files.size() > 1) {
            throw new ParameterException(spec.commandLine(), "--name can only be used with a single file");
        }
        CsvMapping mapping = csvMapping();
        CliJobs jobs = jobs();
        for (Path file : files) {
            var request = new ImportRequest(file, Optional.ofNullable(format), Optional.ofNullable(name), mapping);
            CliJobs.Outcome<Dataset> outcome = jobs.run(new ImportJob(request, store));
            if (!outcome.ok()) {
                return fail(outcome);
            }
            report(outcome.value());
        }
        return ExitCodes.OK;
    }

    private void report(Dataset d) {
        if (json) {
            printResult(toJson(d));
        } else {
            env().out().printf("Imported %s as '%s' (%s): %,d records, %,d samples, %,d exact duplicates skipped%n",
                    d.sourceFile(), d.name(), d.format().id(), d.records(), d.samples(), d.duplicates());
        }
    }

    private CsvMapping csvMapping() {
        if (csvColumns == null || csvColumns.isEmpty()) {
            return CsvMapping.defaults();
        }
        var known = List.of("instruction", "input", "output", "system", "category");
        for (String field : csvColumns.keySet()) {
            if (!known.contains(field)) {
                throw new ParameterException(spec.commandLine(),
                        "--csv-columns: unknown field '" + field + "'; use " + String.join(", ", known));
            }
        }
        CsvMapping d = CsvMapping.defaults();
        return new CsvMapping(
                csvColumns.getOrDefault("instruction", d.instruction()),
                csvColumns.getOrDefault("input", d.input()),
                csvColumns.getOrDefault("output", d.output()),
                csvColumns.getOrDefault("system", d.system()),
                csvColumns.getOrDefault("category", d.category()));
    }
}
