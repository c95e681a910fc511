package dev.sift.core.review.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.store.ScoreColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the baseline script (bench/review/baseline.py): plain Python sqlite3 doing the review's SELECTs into lists on
 * the same file, then the same filter, sort and warm search, and reads back its timings (one JSON object on stdout).
 */
final class PythonBaseline {

    private static final long TIMEOUT_MINUTES = 10;

    private PythonBaseline() {}

    static ReviewBenchReport.Baseline run(String python, Path script, Path project, List<ScoreColumn> columns,
            String match, int repeats) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        var spec = json.createArrayNode();
        for (ScoreColumn c : columns) {
            spec.addObject().put("key", c.key()).put("metric", c.group().metric()).put("scorer", c.group().scorer())
                    .put("template", c.group().template()).put("details", c.detailsField());
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--project", project.toString(),
                "--columns", spec.toString(), "--match", match, "--repeats", Integer.toString(repeats)));
        Path out = Files.createTempFile("sift-bench-baseline", ".json");
        Path err = Files.createTempFile("sift-bench-baseline", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("The baseline " + script + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException("The baseline " + script + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            JsonNode r = json.readTree(out.toFile());
            return new ReviewBenchReport.Baseline(r.path("python").asText(), r.path("openMs").asDouble(),
                    r.path("filterMs").asDouble(), r.path("sortMs").asDouble(), r.path("searchWarmMs").isNumber() ? r.path("searchWarmMs").asDouble() : Double.NaN,
                    r.path("filteredRows").asInt(), r.path("searchHits").asInt(), Files.readString(err, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
