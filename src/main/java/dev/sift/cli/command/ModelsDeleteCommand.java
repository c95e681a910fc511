package dev.sift.cli.command;

import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sift models delete NAME [--yes]}: removes an installed model or a stopped download. */
@Command(name = "delete", description = {"Delete an installed model or a download that stopped part-way, with all its files.",
    "NAME is the repository (owner/name) or the folder name 'sift models list' shows. Asks first on a terminal;"
        + " elsewhere it needs --yes. Only folders directly inside the models folder are ever deleted."})
final class ModelsDeleteCommand extends ModelsSubcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "e.g. HuggingFaceTB/SmolLM2-135M-Instruct")
    String name;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    @Override
    int run(ProjectStore none) throws IOException {
        ModelsDirectory models = env().context().models();
        String folderName;
        try {
            folderName = ModelsDirectory.folderNameOf(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = models.root().resolve(folderName);
        if (!folder.toFile().isDirectory()) {
            return failed("there is no model " + name + " in " + models.root() + " (see 'sift models list')");
        }
        String size = ByteSizes.human(ModelsDirectory.sizeOf(folder));
        if (!yes && !env().terminal()) {
            return failed("would delete " + folder + " (" + size + "); pass --yes to confirm (there is no terminal"
                    + " to ask on)");
        }
        if (!yes && !confirmed("Delete " + folder + " (" + size + ")? [y/N] ")) {
            return failed("nothing deleted; answer y, or pass --yes");
        }
        long freed;
        try {
            freed = models.delete(folderName);
        } catch (IllegalArgumentException e) {
            return failed(e.getMessage());
        }
        if (json) {
            printResult(env().json().createObjectNode().put("deleted", folder.toString()).put("freedBytes", freed));
        } else {
            env().out().println("Deleted " + folder + " (" + ByteSizes.human(freed) + " freed).");
        }
        return ExitCodes.OK;
    }
}
