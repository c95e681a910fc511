package dev.sift.cli;

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

/** Runs CLI commands in process with captured streams, as a user would type them. */
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

    @Override
    public void close() {
        context.close();
    }
}
