package dev.sift.cli;

import dev.sift.app.SiftContext;
import dev.sift.cli.command.SiftCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The command-line entry point. */
public final class SiftCli {

    private SiftCli() {}

    /** Runs one command with the real streams and returns its exit code: 0 ok, 1 failed, 2 usage, 130 cancelled. */
    public static int run(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try (SiftContext context = SiftContext.fromEnvironment()) {
            return execute(new CliEnvironment(context, out, err, System.console() != null), args);
        }
    }

    /** Runs one command in the given environment; used by {@link #run} and by tests. */
    public static int execute(CliEnvironment environment, String... args) {
        CommandLine commandLine = new CommandLine(new SiftCommand(environment));
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            environment.err().println("sift: " + messageOf(exception));
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

    private static String messageOf(Exception exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }
}
