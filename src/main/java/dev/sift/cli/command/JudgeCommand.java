package dev.sift.cli.command;

import dev.sift.cli.CliEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sift judge <subcommand>}: the LLM judge (single grading) and pairwise review aggregation. */
@Command(name = "judge", description = "Grade answers with an LLM judge, and aggregate pairwise reviews.",
        subcommands = {JudgeGradeCommand.class, JudgeAggregateCommand.class})
final class JudgeCommand implements Runnable {

    @ParentCommand
    private SiftCommand root;

    @Spec
    private CommandSpec spec;

    CliEnvironment env() {
        return root.environment();
    }

    @Override
    public void run() {
        spec.commandLine().usage(env().out());
    }
}
