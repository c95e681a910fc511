package dev.sift.cli.command;

import dev.sift.app.SiftContext;
import dev.sift.cli.CliEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code sift <subcommand>}. */
@Command(
        name = "sift",
        mixinStandardHelpOptions = true,
        versionProvider = SiftCommand.Version.class,
        description = "Curate instruction-tuning data. Run without arguments to open the workbench.",
        subcommands = {
            NewCommand.class,
            ImportCommand.class,
            DatasetsCommand.class,
            SeedsCommand.class,
            StatsCommand.class,
            DedupCommand.class,
            ExportCommand.class,
            CompareCommand.class,
            EndpointsCommand.class,
            AgentsCommand.class,
            ChatCommand.class,
            JudgeCommand.class,
            RunCommand.class,
            ScoreCommand.class,
            SelectCommand.class,
            ReviewStatsCommand.class,
            DecideCommand.class,
            HistoryCommands.Undo.class,
            HistoryCommands.Redo.class,
            RunsCommand.class,
            SkillsCommand.class,
            BenchCommand.class,
            ModelsCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 usage, 130 cancelled."})
public final class SiftCommand implements Runnable {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    public SiftCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(environment.out());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sift " + SiftContext.version()};
        }
    }
}
