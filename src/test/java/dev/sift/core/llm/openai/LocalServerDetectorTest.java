package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LocalServerDetectorTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Answers by path, so parallel probes get the right answer whatever their order. */
    private static Dispatcher byPath(Map<String, String> bodies) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = bodies.get(request.getUrl().encodedPath());
                return body == null
                        ? new MockResponse.Builder().code(404).body("not found").build()
                        : new MockResponse.Builder().code(200).body(body).build();
            }
        };
    }

    @Test
    void findsAServerOnAChosenPortAndIgnoresClosedPorts() throws Exception {
        int closed = closedPort();
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.models("vllm", "Qwen/Qwen2.5-0.5B-Instruct");

            List<DetectedServer> found = new LocalServerDetector(List.of(closed, server.port()), Duration.ofMillis(500)).detect();

            assertThat(found).containsExactly(new DetectedServer(ServerKind.VLLM,
                    "http://127.0.0.1:" + server.port() + "/v1", List.of("Qwen/Qwen2.5-0.5B-Instruct")));
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
        }
    }

    @Test
    void tellsOllamaByItsRootPage() throws Exception {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.server().setDispatcher(byPath(Map.of(
                    "/v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2:1b\",\"owned_by\":\"someone\"}]}",
                    "/", "Ollama is running")));

            List<DetectedServer> found = new LocalServerDetector(List.of(server.port()), Duration.ofMillis(500)).detect();

            assertThat(found).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(ServerKind.OLLAMA);
                assertThat(s.models()).containsExactly("llama3.2:1b");
            });
        }
    }

    @Test
    void tellsLlamaCppByItsProps() throws Exception {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.server().setDispatcher(byPath(Map.of(
                    "/v1/models", "{\"data\":[{\"id\":\"model.gguf\",\"owned_by\":\"me\"}]}",
                    "/props", "{\"default_generation_settings\":{\"n_ctx\":4096}}")));

            List<DetectedServer> found = new LocalServerDetector(List.of(server.port()), Duration.ofMillis(500)).detect();

            assertThat(found).extracting(DetectedServer::kind).containsExactly(ServerKind.LLAMA_CPP);
        }
    }

    @Test
    void anHttpServerThatIsNotAModelServerIsLeftOut() throws Exception {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.server().setDispatcher(byPath(Map.of("/v1/models", "<html>hello</html>")));

            assertThat(new LocalServerDetector(List.of(server.port()), Duration.ofMillis(500)).detect()).isEmpty();
        }
    }

    @Test
    void kindsFromTheModelList() throws Exception {
        assertThat(kindOf("{\"data\":[{\"id\":\"a\",\"owned_by\":\"llamacpp\"}]}")).isEqualTo(ServerKind.LLAMA_CPP);
        assertThat(kindOf("{\"data\":[{\"id\":\"a\",\"owned_by\":\"organization_owner\"}]}")).isEqualTo(ServerKind.LM_STUDIO);
        assertThat(kindOf("{\"data\":[{\"id\":\"a\",\"owned_by\":\"sglang\"}]}")).isEqualTo(ServerKind.SGLANG);
        assertThat(kindOf("{\"data\":[{\"id\":\"a\",\"owned_by\":\"library\"}]}")).isEqualTo(ServerKind.OLLAMA);
        assertThat(kindOf("{\"data\":[{\"id\":\"a\",\"max_model_len\":4096}]}")).isEqualTo(ServerKind.VLLM);
        assertThat(kindOf("{\"data\":[{\"id\":\"a\",\"owned_by\":\"openai\"}]}")).isEqualTo(ServerKind.UNKNOWN);
    }

    private static ServerKind kindOf(String body) throws Exception {
        return LocalServerDetector.kindFromModels(new HttpReply(200, okhttp3.Headers.of(), body), Json.parse(body));
    }
}
