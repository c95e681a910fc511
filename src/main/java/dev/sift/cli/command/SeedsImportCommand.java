package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.seeds.ChunkSettings;
import dev.sift.core.seeds.SeedImportJob;
import dev.sift.core.seeds.SeedImportRequest;
import dev.sift.core.seeds.SeedImportResult;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SeedCollection;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sift seeds import}: reads seed files and folders into a new collection, all-or-nothing. */
@Command(name = "import", description = {
    "Import raw seed documents (text, Markdown, source code, JSONL of documents) as a named collection,",
    "cut into chunks of a token budget. All-or-nothing; exact duplicate chunks are kept once and counted;",
    "binary and unknown files are skipped with a warning."})
final class SeedsImportCommand extends ProjectCommand {

    @Option(names = {"-n", "--name"}, required = true, description = "The collection's name (must be new).")
    String name;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Seed files or folders (read recursively).")
    List<Path> paths;

    @Option(names = "--chunk-tokens", defaultValue = "" + ChunkSettings.DEFAULT_CHUNK_TOKENS, paramLabel = "N",
            description = "Most tokens a chunk holds (approximate count). Default: ${DEFAULT-VALUE}.")
    int chunkTokens;

    @Option(names = "--overlap", defaultValue = "" + ChunkSettings.DEFAULT_OVERLAP, paramLabel = "N",
            description = "Tokens of a chunk repeated at the start of the next. Default: ${DEFAULT-VALUE}.")
    int overlap;

    @Option(names = "--field", defaultValue = ChunkSettings.DEFAULT_FIELD, paramLabel = "FIELD",
            description = "The field holding a JSONL document's text. Default: ${DEFAULT-VALUE}.")
    String field;

    @Override
    int run(ProjectStore store) {
        SeedImportRequest request;
        try {
            request = new SeedImportRequest(name, paths, new ChunkSettings(chunkTokens, overlap, field));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CliJobs.Outcome<SeedImportResult> outcome = jobs().run(new SeedImportJob(request, store));
        if (!outcome.ok()) {
            return fail(outcome);
        }
        SeedImportResult result = outcome.value();
        SeedCollection c = result.collection();
        if (json) {
            ObjectNode node = SeedsCommand.collectionJson(env(), c);
            result.warnings().forEach(node.putArray("warnings")::add);
            printResult(node);
            return ExitCodes.OK;
        }
        for (String warning : result.warnings()) {
            env().err().println("warning: " + warning);
        }
        env().out().printf(Locale.ROOT, "Imported seed collection '%s': %,d documents, %,d chunks, %,d exact duplicates"
                + " skipped%s%n", c.name(), c.documents(), c.chunks(), c.duplicates(),
                result.warnings().isEmpty() ? "" : String.format(Locale.ROOT, ", %,d files skipped",
                        result.warnings().size()));
        return ExitCodes.OK;
    }
}
