package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code sift} process interrupted mid-import: Ctrl-C (SIGINT) cancels cleanly with exit code
 * 130, and even a hard kill leaves the project as it was before the import.
 */
class CliProcessIT {

    @TempDir
    static Path dir;

    private static Path bigFile;

    @BeforeAll
    static void writeBigFile() throws IOException {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win"), "signals are a POSIX matter");
        bigFile = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(bigFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 400_000; i++) {
                w.write("{\"instruction\": \"Explain item " + i + " in simple words\", \"input\": \"\", \"output\": \""
                        + "This is the answer for item " + i + ", long enough to take some time to store.\"}\n");
            }
        }
    }

    private static Process startImport(Path project) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-cp", System.getProperty("java.class.path"), "-Dsift.config.dir=" + dir.resolve("cfg"),
                "dev.sift.Main", "import", "--project", project.toString(), bigFile.toString());
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits until the import reports progress on stderr, i.e. it is writing. */
    private static void awaitProgress(Process process) throws IOException {
        var err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            if (line.strip().matches("\\d+%") && !line.strip().equals("0%")) {
                return;
            }
        }
        throw new AssertionError("the import ended before reporting progress");
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void assertProjectUnchanged(Path project) throws Exception {
        try (var store = SqliteProjectStore.open(project)) {
            assertThat(store.datasets().list()).isEmpty();
            assertThat(store.samples().count(SampleQuery.all())).isZero();
        }
    }

    @Test
    void ctrlCCancelsTheImportAndExitsWith130() throws Exception {
        Path project = dir.resolve("interrupted.sift");
        SqliteProjectStore.create(project).close();
        Process process = startImport(project);
        awaitProgress(process);

        signal(process, "INT");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.CANCELLED);
        assertProjectUnchanged(project);
    }

    @Test
    void aKilledImportLeavesTheProjectAsItWas() throws Exception {
        Path project = dir.resolve("killed.sift");
        SqliteProjectStore.create(project).close();
        Process process = startImport(project);
        awaitProgress(process);

        signal(process, "KILL");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertProjectUnchanged(project);
    }
}
