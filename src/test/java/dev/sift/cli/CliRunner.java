package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.app.SiftContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs CLI commands in process with captured streams, as a user would type them; also sets up the projects the
 * command-line tests start from, each step asserted to succeed.
 */
final class CliRunner implements AutoCloseable {

    private final SiftContext context;
    private final ObjectMapper mapper = new ObjectMapper();

    CliRunner(Path configDir) {
        this.context = new SiftContext(configDir);
    }

    record Result(int exitCode, String out, String err) {
        List<JsonNode> jsonLines() {
            ObjectMapper mapper = new ObjectMapper();
            return out.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return mapper.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + l, e);
                }
            }).toList();
        }

        JsonNode result() {
            List<JsonNode> lines = jsonLines();
            JsonNode last = lines.get(lines.size() - 1);
            if (!"result".equals(last.path("event").asText())) {
                throw new AssertionError("last line is not a result: " + last);
            }
            return last;
        }
    }

    Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = SiftCli.execute(new CliEnvironment(context, outStream, errStream, false), args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Asserts that a command succeeded, showing its stderr when not, and returns its result. */
    static Result ok(Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    /** Creates the project {@code p.sift} in {@code dir} and returns its path. */
    String newProject(Path dir) {
        String project = dir.resolve("p.sift").toString();
        ok(run("new", project));
        return project;
    }

    /** Creates the project {@code p.sift} in {@code dir} with {@code file} imported as the dataset {@code name}. */
    String newProject(Path dir, String name, String file) {
        String project = newProject(dir);
        ok(run("import", "-p", project, "--name", name, file));
        return project;
    }

    /** Adds the endpoint {@code name} at {@code url}, at $1 per million prompt and $2 per million completion tokens. */
    void addPricedEndpoint(String project, String name, String url) {
        ok(run("endpoints", "add", name, "-p", project, "--url", url, "--price-in", "1", "--price-out", "2"));
    }

    @Override
    public void close() {
        context.close();
    }
}
