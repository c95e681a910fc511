package dev.sift.core.llm.openai;

import static dev.sift.core.llm.testing.ScriptedOpenAiServer.chunk;
import static dev.sift.core.llm.testing.ScriptedOpenAiServer.usageChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OpenAiStreamTest {

    private ScriptedOpenAiServer server;
    private OpenAiCompatibleClient client;
    private final List<String> deltas = new ArrayList<>();
    private final List<Thread> listenerThreads = new ArrayList<>();
    private final StreamListener listener = (index, text) -> {
        deltas.add(index + ":" + text);
        listenerThreads.add(Thread.currentThread());
    };

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        client = new OpenAiCompatibleClient(server.baseUrl(), Optional.of("sk-stream"), "stream server",
                HttpTimeouts.of(Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void assemblesRolelessFirstChunkDeltasAndUsageInTheLastChunk() throws Exception {
        server.sse(chunk(0, "Hel", null), chunk(0, "lo", null), chunk(0, "!", "stop"), usageChunk(9, 3), "[DONE]");

        ChatResponse response = client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener);

        assertThat(response.text()).isEqualTo("Hello!");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new Usage(9, 3));
        assertThat(deltas).containsExactly("0:Hel", "0:lo", "0:!");
        assertThat(listenerThreads).containsOnly(Thread.currentThread());
        JsonNode body = server.takeJson();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
    }

    @Test
    void toleratesARoleChunkCommentsAndEventsWithoutSpaceAfterTheColon() throws Exception {
        server.sseRaw(": keep-alive\n\n"
                + "data:{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
                + "data: " + chunk(0, "ok", "stop") + "\n\n"
                + "data: [DONE]\n\n");

        ChatResponse response = client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener);

        assertThat(response.text()).isEqualTo("ok");
        assertThat(deltas).containsExactly("0:ok");
    }

    @Test
    void keepsSeveralChoicesApartByIndex() throws Exception {
        server.sse(chunk(1, "B1", null), chunk(0, "A1", null), chunk(0, "A2", "stop"), chunk(1, "B2", "length"),
                usageChunk(5, 4), "[DONE]");

        ChatResponse response = client.stream(OpenAiChatTest.request(ChatParameters.defaults().withN(2)), listener);

        assertThat(response.choices()).extracting(c -> c.text()).containsExactly("A1A2", "B1B2");
        assertThat(response.choices()).extracting(c -> c.finishReason()).containsExactly("stop", "length");
        assertThat(deltas).containsExactly("1:B1", "0:A1", "0:A2", "1:B2");
        assertThat(server.takeJson().get("n").asInt()).isEqualTo(2);
    }

    @Test
    void refusedNStreamsOneRequestPerChoiceWithShiftedIndices() throws Exception {
        server.error(400, "{\"error\":{\"message\":\"n > 1 is not supported\"}}", Map.of())
                .sse(chunk(0, "first", "stop"), usageChunk(3, 1), "[DONE]")
                .sse(chunk(0, "second", "stop"), usageChunk(3, 1), "[DONE]");

        ChatResponse response = client.stream(OpenAiChatTest.request(ChatParameters.defaults().withN(2)), listener);

        assertThat(response.choices()).extracting(c -> c.text()).containsExactly("first", "second");
        assertThat(response.usage()).isEqualTo(new Usage(6, 2));
        assertThat(deltas).containsExactly("0:first", "1:second");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aStreamCutOffBeforeDoneOrFinishReasonIsTransient() {
        server.sse(chunk(0, "Once upon", null), chunk(0, " a time", null));

        assertThatThrownBy(() -> client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT))
                .hasMessageContaining("stream ended early")
                .hasMessageContaining("stream server at " + server.baseUrl());
        assertThat(deltas).containsExactly("0:Once upon", "0: a time");
    }

    @Test
    void aFinishReasonWithoutDoneIsAcceptedAsComplete() throws Exception {
        server.sse(chunk(0, "done", "stop"));

        assertThat(client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener).text()).isEqualTo("done");
    }

    @Test
    void llamaCppErrorLineInsideHttp200NamesTheServersMessage() {
        server.sseRaw("data: " + chunk(0, "partial", null) + "\n\n"
                + "error: {\"code\":400,\"message\":\"the request exceeds the available context size\","
                + "\"type\":\"exceed_context_size_error\"}\n\n");

        assertThatThrownBy(() -> client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.PERMANENT))
                .hasMessageContaining("exceeds the available context size")
                .hasMessageContaining(server.baseUrl());
    }

    @Test
    void errorEventWithAServerFaultIsTransient() {
        server.sseRaw("event: error\ndata: {\"error\":{\"message\":\"engine died\",\"code\":503}}\n\n");

        assertThatThrownBy(() -> client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
                    assertThat(e.httpStatus()).isEqualTo(503);
                })
                .hasMessageContaining("engine died");
    }

    @Test
    void errorObjectInADataPayloadFailsTheStream() {
        server.sse("{\"error\":{\"message\":\"Invalid model\",\"type\":\"invalid_request_error\"}}", "[DONE]");

        assertThatThrownBy(() -> client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.PERMANENT))
                .hasMessageContaining("Invalid model");
    }

    @Test
    void anHttpErrorBeforeTheStreamIsMappedLikeAnyOther() {
        server.error(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "3"));

        assertThatThrownBy(() -> client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                });
    }

    @Test
    void doneWithoutAnyChoiceIsPermanent() {
        server.sse(usageChunk(1, 0), "[DONE]");

        assertThatThrownBy(() -> client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.PERMANENT))
                .hasMessageContaining("no choices");
    }

    @Test
    void interruptingTheCallerCancelsAStalledStream() throws Exception {
        client = new OpenAiCompatibleClient(server.baseUrl(), Optional.empty(), "stream server",
                HttpTimeouts.of(Duration.ofSeconds(30)));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body("data: " + chunk(0, "never", null) + "\n\n")
                .bodyDelay(10, TimeUnit.SECONDS).build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.stream(OpenAiChatTest.request(ChatParameters.defaults()), listener);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        server.takeRequest();
        Thread.sleep(100);
        caller.interrupt();
        caller.join(2_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
            assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
        });
    }
}
