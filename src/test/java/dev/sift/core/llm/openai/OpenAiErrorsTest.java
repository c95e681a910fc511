package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OpenAiErrorsTest {

    private static final String KEY = "sk-secret-0123456789abcdef";

    private ScriptedOpenAiServer server;
    private OpenAiCompatibleClient client;

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        client = clientWith(HttpTimeouts.of(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiCompatibleClient clientWith(HttpTimeouts timeouts) {
        return new OpenAiCompatibleClient(server.baseUrl(), Optional.of(KEY), "errors server", timeouts);
    }

    private ThrowingCallable chat() {
        return () -> client.chat(OpenAiChatTest.request(ChatParameters.defaults()));
    }

    private LlmException failure(ThrowingCallable call) {
        AtomicReference<LlmException> caught = new AtomicReference<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(LlmException.class, caught::set);
        LlmException e = caught.get();
        assertThat(e.getMessage()).contains("errors server at " + server.baseUrl()).doesNotContain(KEY);
        return e;
    }

    @Test
    void tooManyRequestsIsTransientWithRetryAfterSeconds() {
        server.error(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", Map.of("Retry-After", "17"));

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
        assertThat(e.getMessage()).contains("POST /chat/completions", "HTTP 429", "Rate limit reached");
    }

    @Test
    void tooManyRequestsReadsRetryAfterAsAnHttpDate() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        server.error(429, "busy", Map.of("Retry-After", inTwoMinutes));

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
    }

    @Test
    void serverErrorIsTransientAndQuotesTheServer() {
        server.error(500, "{\"error\":{\"code\":500,\"message\":\"kv cache full\",\"type\":\"server_error\"}}", Map.of());

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).contains("kv cache full");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void unavailableIsTransientAndKeepsRetryAfter() {
        server.error(503, "<html>Service Unavailable</html>", Map.of("Retry-After", "5"));

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(e.getMessage()).contains("Service Unavailable");
    }

    @Test
    void badRequestAndNotFoundArePermanent() {
        server.error(400, "{\"detail\":\"max_tokens must be positive\"}", Map.of())
                .error(404, "{\"error\":\"model 'nope' not found\"}", Map.of())
                .error(422, "{\"detail\":[{\"msg\":\"field required\"}]}", Map.of());

        assertThat(failure(chat()).kind()).isEqualTo(Kind.PERMANENT);
        LlmException notFound = failure(chat());
        assertThat(notFound.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(notFound.getMessage()).contains("model 'nope' not found");
        assertThat(failure(chat()).getMessage()).contains("field required");
    }

    @Test
    void rejectedKeyNeverAppearsInTheMessageOrTheException() {
        server.error(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}", Map.of());

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).contains("rejected the API key");
        assertThat(e.toString()).doesNotContain(KEY).doesNotContain("Bearer");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aKeyEchoedInAnyOtherErrorIsScrubbed() {
        server.error(400, "{\"error\":{\"message\":\"bad header Bearer " + KEY + "\"}}", Map.of());

        LlmException e = failure(chat());

        assertThat(e.getMessage()).contains("bad header Bearer ***");
    }

    @Test
    void connectionDroppedAfterTheRequestIsTransient() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isZero();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedDuringTheBodyIsTransient() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"" + "x".repeat(50_000) + "\"}}]}")
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void connectionRefusedIsTransient() {
        int port = server.port();
        server.close();

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("could not connect", String.valueOf(port));
    }

    @Test
    void aSlowBodyHitsTheReadTimeoutAndIsTransient() {
        client = clientWith(HttpTimeouts.of(Duration.ofMillis(300)));
        server.enqueue(new MockResponse.Builder().code(200).body("{\"choices\":[]}").bodyDelay(3, TimeUnit.SECONDS).build());

        long started = System.nanoTime();
        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void malformedJsonIsPermanentAndSaysSo() {
        server.json(200, "{\"choices\": [ {\"message\": ");

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.getMessage()).contains("POST /chat/completions", "malformed JSON");
    }

    @Test
    void emptyChoicesArePermanent() {
        server.json(200, "{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":1}}");

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(e.getMessage()).contains("answered with no choices");
    }

    @Test
    void anErrorObjectInsideHttp200IsMappedByItsCode() {
        server.json(200, "{\"error\":{\"message\":\"upstream overloaded\",\"code\":529}}");

        LlmException e = failure(chat());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("upstream overloaded");
    }

    @Test
    void interruptingTheCallerCancelsASlowCallPromptly() throws Exception {
        client = clientWith(HttpTimeouts.of(Duration.ofSeconds(30)));
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(10, TimeUnit.SECONDS).build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                client.chat(OpenAiChatTest.request(ChatParameters.defaults()));
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        server.takeRequest();
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(2_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(thrown.get()).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
            assertThat(e.getMessage()).contains("interrupted");
        });
        assertThat(flagKept).isTrue();
    }

    @Test
    void anAlreadyInterruptedCallerSendsNothing() {
        Thread.currentThread().interrupt();
        try {
            LlmException e = failure(chat());
            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.requestCount()).isZero();
    }
}
