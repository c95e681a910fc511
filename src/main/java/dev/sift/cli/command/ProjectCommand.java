package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliEnvironment;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options and plumbing shared by commands that work on a project. */
abstract class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--project"}, paramLabel = "FILE", defaultValue = "${env:SIFT_PROJECT}",
            description = "The project file (*.sift). Default: $SIFT_PROJECT.")
    Path project;

    @Option(names = "--json", description = "Write events and the result as JSON lines on stdout.")
    boolean json;

    CliEnvironment env() {
        return ((SiftCommand) spec.root().userObject()).environment();
    }

    @Override
    public final Integer call() throws Exception {
        beforeOpen();
        if (project == null && !needsProject()) {
            return run(null);
        }
        if (project == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--project=FILE' (or set SIFT_PROJECT)");
        }
        try (ProjectStore store = openProject()) {
            return run(store);
        }
    }

    /** False for commands that can work without a project (they then get a null store). */
    boolean needsProject() {
        return true;
    }

    /** A hook to settle options before the project is opened. */
    void beforeOpen() {}

    /** Opens the project; {@code sift new} overrides this to create it. */
    ProjectStore openProject() throws StoreException {
        return SqliteProjectStore.open(project);
    }

    abstract int run(ProjectStore store) throws Exception;

    CliJobs jobs() {
        return jobs(() -> "");
    }

    /** Jobs whose progress line also shows {@code status} (e.g. the money spent so far). */
    CliJobs jobs(java.util.function.Supplier<String> status) {
        return CliJobs.forCommand(env(), json, status);
    }

    /** Reports a job that did not succeed on stderr and returns its exit code. */
    int fail(CliJobs.Outcome<?> outcome) {
        env().err().println("sift " + spec.name() + ": " + outcome.failure());
        return outcome.exitCode();
    }

    /** Writes the command's result line in JSON mode. */
    void printResult(ObjectNode result) {
        ObjectNode line = env().json().createObjectNode();
        line.put("event", "result");
        line.setAll(result);
        env().out().println(line);
    }

    /** Finds a dataset by name, or by id when the argument is a number. */
    Dataset dataset(ProjectStore store, String nameOrId) throws StoreException {
        var byName = store.datasets().findByName(nameOrId);
        if (byName.isPresent()) {
            return byName.get();
        }
        if (nameOrId.chars().allMatch(Character::isDigit) && !nameOrId.isEmpty()) {
            var byId = store.datasets().find(Long.parseLong(nameOrId));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw new ParameterException(spec.commandLine(), "No dataset '" + nameOrId + "' in " + project.getFileName()
                + "; see 'sift datasets --project " + project + "'");
    }

    /**
     * Asks {@code question} on stderr and reads the answer from stdin: true when it starts with y, as before a
     * deletion the user did not confirm with {@code --yes}.
     */
    boolean confirmed(String question) throws IOException {
        env().err().print(question);
        env().err().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    ObjectNode toJson(Dataset d) {
        ObjectNode node = env().json().createObjectNode();
        node.put("id", d.id()).put("name", d.name()).put("format", d.format().id()).put("source", d.sourceFile());
        node.put("records", d.records()).put("samples", d.samples()).put("duplicates", d.duplicates());
        node.put("importedAt", d.importedAt().toString());
        return node;
    }

    static int ok() {
        return ExitCodes.OK;
    }
}
