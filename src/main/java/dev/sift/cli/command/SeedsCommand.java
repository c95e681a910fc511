package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.cli.ExitCodes;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code sift seeds}: the project's seed collections, the raw documents AgentInstruct writes instructions from.
 * Without a subcommand it lists them, as {@code sift seeds list} does.
 */
@Command(name = "seeds", description = "List, import, show and delete seed document collections.",
        subcommands = {SeedsCommand.ListSeeds.class, SeedsImportCommand.class, SeedsCommand.Show.class,
            SeedsCommand.Delete.class})
final class SeedsCommand extends ProjectCommand {

    @Override
    int run(ProjectStore store) throws StoreException {
        return list(this, store);
    }

    /** {@code sift seeds list}. */
    @Command(name = "list", description = "List the seed collections with their document and chunk counts.")
    static final class ListSeeds extends ProjectCommand {
        @Override
        int run(ProjectStore store) throws StoreException {
            return list(this, store);
        }
    }

    static int list(ProjectCommand command, ProjectStore store) throws StoreException {
        List<SeedCollection> collections = store.seeds().listCollections();
        var env = command.env();
        if (command.json) {
            ArrayNode array = env.json().createArrayNode();
            collections.forEach(c -> array.add(collectionJson(env, c)));
            var result = env.json().createObjectNode();
            result.set("collections", array);
            command.printResult(result);
            return ExitCodes.OK;
        }
        if (collections.isEmpty()) {
            env.out().println("No seed collections yet. Import one with: sift seeds import --project " + command.project
                    + " --name NAME PATH...");
            return ExitCodes.OK;
        }
        String row = "%-4s %-28s %10s %10s %10s  %s%n";
        env.out().printf(row, "ID", "NAME", "DOCUMENTS", "CHUNKS", "DUPLICATES", "CREATED");
        for (SeedCollection c : collections) {
            env.out().printf(Locale.ROOT, row, c.id(), c.name(), String.format(Locale.ROOT, "%,d", c.documents()),
                    String.format(Locale.ROOT, "%,d", c.chunks()), String.format(Locale.ROOT, "%,d", c.duplicates()),
                    c.createdAt());
        }
        return ExitCodes.OK;
    }

    static ObjectNode collectionJson(CliEnvironment env, SeedCollection c) {
        ObjectNode node = env.json().createObjectNode();
        node.put("id", c.id()).put("name", c.name()).put("documents", c.documents()).put("chunks", c.chunks())
                .put("duplicates", c.duplicates()).put("createdAt", c.createdAt().toString());
        try {
            node.set("settings", env.json().readTree(c.settingsJson()));
        } catch (IOException e) {
            node.put("settings", c.settingsJson());
        }
        return node;
    }

    static SeedCollection collection(ProjectCommand command, ProjectStore store, String name) throws StoreException {
        return store.seeds().findCollection(name).orElseThrow(() -> new ParameterException(command.spec.commandLine(),
                "No seed collection '" + name + "' in " + command.project.getFileName() + "; see 'sift seeds list"
                        + " --project " + command.project + "'"));
    }

    /** {@code sift seeds show NAME}. */
    @Command(name = "show", description = "Show a seed collection's settings and its first chunks.")
    static final class Show extends ProjectCommand {

        static final int PREVIEW_CHARS = 400;

        @Parameters(index = "0", paramLabel = "NAME", description = "The collection.")
        String name;

        @Option(names = "--limit", defaultValue = "5", paramLabel = "N",
                description = "How many chunks to show. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        int run(ProjectStore store) throws StoreException {
            SeedCollection c = collection(this, store, name);
            List<SeedChunk> chunks = store.seeds().chunks(c.id(), 0, Math.max(0, limit));
            if (json) {
                ObjectNode node = collectionJson(env(), c);
                ArrayNode array = node.putArray("chunks");
                for (SeedChunk k : chunks) {
                    array.addObject().put("id", k.id()).put("source", k.source()).put("kind", k.kind().id())
                            .put("language", k.language()).put("index", k.chunkIndex()).put("tokens", k.tokenCount())
                            .put("text", k.text());
                }
                printResult(node);
                return ExitCodes.OK;
            }
            var out = env().out();
            out.printf(Locale.ROOT, "Seed collection '%s' (id %d): %,d documents, %,d chunks, %,d duplicates skipped%n",
                    c.name(), c.id(), c.documents(), c.chunks(), c.duplicates());
            out.println("Settings: " + c.settingsJson());
            for (SeedChunk k : chunks) {
                out.printf(Locale.ROOT, "%n--- chunk %d: %s [%d] %s%s, %,d tokens%n", k.id(), k.source(),
                        k.chunkIndex(), k.kind().id(), k.language().isEmpty() ? "" : " " + k.language(),
                        k.tokenCount());
                out.println(k.text().length() > PREVIEW_CHARS ? k.text().substring(0, PREVIEW_CHARS) + " …" : k.text());
            }
            if (c.chunks() > chunks.size()) {
                out.printf(Locale.ROOT, "%n(%,d more chunks; use --limit)%n", c.chunks() - chunks.size());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code sift seeds delete NAME}. */
    @Command(name = "delete", description = {"Delete a seed collection and its chunks. Asks for confirmation on a"
            + " terminal; elsewhere pass --yes.", "Content that runs made of its chunks stays."})
    static final class Delete extends ProjectCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The collection.")
        String name;

        @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
        boolean yes;

        @Override
        int run(ProjectStore store) throws StoreException, IOException {
            SeedCollection c = collection(this, store, name);
            String what = String.format(Locale.ROOT, "seed collection '%s' (%,d chunks)", c.name(), c.chunks());
            if (!yes && !env().terminal()) {
                env().err().println("sift seeds delete: would delete " + what + "; pass --yes to confirm (there is no"
                        + " terminal to ask on)");
                return ExitCodes.FAILED;
            }
            if (!yes && !confirmed("Delete " + what + "? [y/N] ")) {
                env().err().println("sift seeds delete: nothing deleted; answer y, or pass --yes");
                return ExitCodes.FAILED;
            }
            store.seeds().deleteCollection(c.id());
            if (json) {
                printResult(env().json().createObjectNode().put("deleted", c.name()).put("chunks", c.chunks()));
            } else {
                env().out().println("Deleted " + what + ".");
            }
            return ExitCodes.OK;
        }
    }
}
