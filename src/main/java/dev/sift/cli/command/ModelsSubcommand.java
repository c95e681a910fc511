package dev.sift.cli.command;

import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelsDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What the {@code sift models} subcommands share: {@link ProjectCommand}'s plumbing, without a project. */
@Command(modelTransformer = ModelsSubcommand.WithoutProject.class)
abstract class ModelsSubcommand extends ProjectCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    boolean needsProject() {
        return false;
    }

    /** Models live outside projects: a $SIFT_PROJECT in the environment must not make us open one. */
    @Override
    void beforeOpen() {
        project = null;
    }

    String checkedRepo(String repo) {
        try {
            ModelsDirectory.folderName(repo);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return repo;
    }

    int failed(String message) {
        env().err().println("sift models " + spec.name() + ": " + message);
        return ExitCodes.FAILED;
    }

    /** Drops the inherited {@code --project} option, which means nothing here, from usage and parsing. */
    static final class WithoutProject implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec project = spec.findOption("--project");
            return project == null ? spec : spec.remove(project);
        }
    }

    /** Subcommands that talk to the Hub. */
    abstract static class OnHub extends ModelsSubcommand {

        @Option(names = "--revision", defaultValue = HubClient.DEFAULT_REVISION, paramLabel = "REV",
                description = "Branch, tag or commit (default ${DEFAULT-VALUE}).")
        String revision;

        @Option(names = "--hub-url", hidden = true, paramLabel = "URL",
                description = "Another Hub base URL (a mirror). Default: $SIFT_HUB_URL or " + HubClient.DEFAULT_BASE_URL + ".")
        String hubUrl;

        HubClient hub() {
            if (hubUrl == null) {
                return env().context().hub();
            }
            try {
                return HubClient.create(hubUrl, System.getenv());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--hub-url: " + e.getMessage());
            }
        }
    }
}
