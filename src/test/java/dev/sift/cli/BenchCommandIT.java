package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sift bench fanout} in process against bench/llm/latency_server.py on 127.0.0.1, with a short
 * latency and small request counts. Skipped where python3 is missing. No timing is asserted.
 */
class BenchCommandIT {

    private static final Path SERVER = Path.of("bench", "llm", "latency_server.py");

    private static Process server;
    private static String baseUrl;

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeAll
    static void startServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        server = new ProcessBuilder("python3", SERVER.toString(), "--port", "0", "--latency-ms", "20",
                "--max-seconds", "300").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String port = reader.readLine();
        assertThat(port).as("the server's first line is its port").isNotNull().matches("\\d+");
        baseUrl = "http://127.0.0.1:" + port + "/v1";
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @BeforeEach
    void createCli() {
        cli = new CliRunner(dir.resolve("config"));
    }

    @AfterEach
    void closeCli() {
        cli.close();
    }

    @Test
    void printsOneTableRowPerLevelWithBothGoals() {
        CliRunner.Result r = cli.run("bench", "fanout", "--base-url", baseUrl, "--latency-ms", "20",
                "--concurrency", "2,4", "--requests", "8", "--max-warm-up", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("server latency 20 ms")
                .contains("| concurrency | requests | seconds | req/s | limit req/s | ratio (goal >= 0.95) ")
                .contains("client CPU ms/call (goal < 0.5)")
                .containsPattern("(?m)^\\| 2 \\| 8 \\| [0-9.]+ \\| [0-9.]+ \\| 100\\.0 \\| [0-9.]+ \\| [0-9.]+ \\|"
                        + ".*\\| (PASS|MISS) \\| (PASS|MISS) \\|$")
                .containsPattern("(?m)^\\| 4 \\| 8 \\| [0-9.]+ \\| [0-9.]+ \\| 200\\.0 \\|.*\\| (PASS|MISS) \\| (PASS|MISS) \\|$")
                .doesNotContain("INVALID");
        assertThat(r.err()).contains("Fan-out benchmark against " + baseUrl);
    }

    @Test
    void jsonModeEndsWithTheMeasuredLevels() {
        CliRunner.Result r = cli.run("bench", "fanout", "--json", "--base-url", baseUrl, "--latency-ms", "20",
                "--concurrency", "3", "--requests", "5", "--max-warm-up", "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.path("event").asText()).startsWith("started").contains("succeeded");
        JsonNode result = r.result();
        assertThat(result.path("latencyMs").asInt()).isEqualTo(20);
        assertThat(result.path("warmUpCalls").asInt()).isZero();
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("levels")).hasSize(1);
        JsonNode level = result.path("levels").get(0);
        assertThat(level.path("concurrency").asInt()).isEqualTo(3);
        assertThat(level.path("requests").asInt()).isEqualTo(6);
        assertThat(level.path("failedAttempts").asInt()).isZero();
        assertThat(level.path("limitPerSecond").asDouble()).isEqualTo(150.0);
        assertThat(level.path("ratio").asDouble())
                .isCloseTo(level.path("requestsPerSecond").asDouble() / 150.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(level.path("cpuMsPerCall").asDouble()).isNotNegative();
        assertThat(level.path("baseline").path("requests").asInt()).isEqualTo(6);
        assertThat(level.path("baseline").path("failures").asInt()).isZero();
    }

    @Test
    void anUnreachableServerExitsWithOne() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }

        CliRunner.Result r = cli.run("bench", "fanout", "--base-url", "http://127.0.0.1:" + closed + "/v1",
                "--concurrency", "2");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("sift bench fanout:").contains("127.0.0.1:" + closed);
    }

    @Test
    void aZeroLatencyIsAUsageError() {
        CliRunner.Result r = cli.run("bench", "fanout", "--base-url", baseUrl, "--latency-ms", "0");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("latency must be positive");
    }
}
