package dev.sift.cli;

import static dev.sift.core.llm.testing.ScriptedOpenAiServer.chunk;
import static dev.sift.core.llm.testing.ScriptedOpenAiServer.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.config.Credentials;
import dev.sift.core.config.Secret;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints, agents and chat from the command line, against a scripted OpenAI-compatible server on loopback. */
class LlmCliIT {

    private static final String KEY = "sk-test-4f1d9c2e7b6a5d8c3e1f0a9b";

    @TempDir
    Path dir;

    private CliRunner cli;
    private ScriptedOpenAiServer server;
    private String project;

    @BeforeEach
    void setUp() throws Exception {
        Path config = dir.resolve("config");
        new Credentials(config.resolve("credentials")).put("test-key", Secret.of(KEY));
        cli = new CliRunner(config);
        server = ScriptedOpenAiServer.start();
        project = dir.resolve("p.sift").toString();
        assertThat(cli.run("new", project).exitCode()).isZero();
        CliRunner.Result added = cli.run("endpoints", "add", "local", "-p", project, "--url", server.baseUrl(),
                "--key-cred", "test-key", "--max-concurrency", "4");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    @AfterEach
    void tearDown() {
        server.close();
        cli.close();
    }

    private void addAgent(String name) {
        CliRunner.Result r = cli.run("agents", "add", name, "-p", project, "--endpoint", "local", "--model", "tiny-model",
                "--role", "responder", "--system", "Be brief.", "--params", "{\"temperature\":0.2,\"max_tokens\":64}");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void testConnectionListsModelsAndSendsTheKeyFromTheCredentialsFile() {
        server.models("vllm", "tiny-model", "other-model");

        CliRunner.Result r = cli.run("endpoints", "test", "local", "-p", project);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("local: OK in").contains("2 models: tiny-model, other-model");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(cli.run("endpoints", "list", "-p", project).out()).contains("cred:test-key").doesNotContain(KEY);
    }

    @Test
    void chatStreamsTheAnswerWithTheAgentsPromptAndParameters() {
        addAgent("writer");
        server.sse(chunk(0, "Hello", null), chunk(0, " world", "stop"), usageChunk(12, 2), "[DONE]");

        CliRunner.Result r = cli.run("chat", "-p", project, "--agent", "writer", "Say", "hello");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Hello world");
        assertThat(r.err()).contains("12 prompt + 2 completion tokens");
        JsonNode body = server.takeJson();
        assertThat(body.path("model").asText()).isEqualTo("tiny-model");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Say hello");
    }

    @Test
    void chatIsRetriedAfterA429WithRetryAfter() {
        addAgent("writer");
        server.error(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "1"));
        server.sse(chunk(0, "Fine", "stop"), usageChunk(3, 1), "[DONE]");

        CliRunner.Result r = cli.run("chat", "-p", project, "--agent", "writer", "--json", "Hi");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.result().path("text").asText()).isEqualTo("Fine");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aRejectedKeyFailsClearlyWithoutShowingTheKey() {
        addAgent("writer");
        server.error(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}", Map.of());

        CliRunner.Result r = cli.run("chat", "-p", project, "--agent", "writer", "Hi");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("local").contains("rejected the API key").doesNotContain(KEY);
        assertThat(server.requestCount()).as("a permanent failure is not retried").isEqualTo(1);
    }

    @Test
    void agentsAndPairsAreListed() {
        addAgent("writer");
        addAgent("answerer");
        assertThat(cli.run("agents", "pair", "wa", "-p", project, "--instruction", "writer", "--response", "answerer")
                .exitCode()).isZero();

        CliRunner.Result list = cli.run("agents", "list", "-p", project, "--json");

        JsonNode result = list.result();
        assertThat(result.path("agents")).hasSize(2);
        assertThat(result.path("agents").get(0).path("endpoint").asText()).isEqualTo("local");
        assertThat(result.path("pairs").get(0).path("name").asText()).isEqualTo("wa");
    }

    @Test
    void badDefinitionsAreRefusedWithTheReason() {
        CliRunner.Result params = cli.run("agents", "add", "x", "-p", project, "--endpoint", "local", "--model", "m",
                "--role", "judge", "--params", "{\"temprature\":0.2}");
        assertThat(params.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(params.err()).contains("unknown decoding parameter 'temprature'");

        CliRunner.Result role = cli.run("agents", "add", "x", "-p", project, "--endpoint", "local", "--model", "m",
                "--role", "poet");
        assertThat(role.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(role.err()).contains("unknown role 'poet'");

        CliRunner.Result rawKey = cli.run("endpoints", "add", "hosted", "-p", project, "--url", "https://api.example.com/v1",
                "--key-env", KEY);
        assertThat(rawKey.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(rawKey.err()).contains("looks like an API key").doesNotContain(KEY);
    }

    @Test
    void theKeyIsInNoFileTheProjectWrites() throws Exception {
        addAgent("writer");
        server.error(401, "{\"error\":{\"message\":\"bad key " + KEY + "\"}}", Map.of());
        cli.run("chat", "-p", project, "--agent", "writer", "Hi");
        server.sse(chunk(0, "ok", "stop"), "[DONE]");
        cli.run("chat", "-p", project, "--agent", "writer", "Hi again");

        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().equals("credentials")) {
                    continue; // the one place the user asked us to keep it
                }
                assertThat(indexOf(Files.readAllBytes(file), key)).as("key bytes in %s", file).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
