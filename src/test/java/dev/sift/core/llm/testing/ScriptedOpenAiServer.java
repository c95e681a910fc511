package dev.sift.core.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 for tests: enqueue answers in order, then inspect
 * what the client sent. When the script runs out it answers HTTP 418 at once, so a test that makes an
 * unexpected request fails instead of hanging. Close it after use (try-with-resources or @AfterEach).
 */
public final class ScriptedOpenAiServer implements AutoCloseable {

    /** Status of the answer given once the script is used up. */
    public static final int SCRIPT_EXHAUSTED = 418;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server;

    private ScriptedOpenAiServer(MockWebServer server) {
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static ScriptedOpenAiServer start() {
        return startOn(0);
    }

    /** Starts on the given port of 127.0.0.1 (0 for any free one). */
    public static ScriptedOpenAiServer startOn(int port) {
        MockWebServer server = new MockWebServer();
        QueueDispatcher dispatcher = new QueueDispatcher();
        dispatcher.setFailFast(new MockResponse.Builder().code(SCRIPT_EXHAUSTED)
                .body("{\"error\":{\"message\":\"no scripted response left\"}}").build());
        server.setDispatcher(dispatcher);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScriptedOpenAiServer(server);
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    public int port() {
        return server.getPort();
    }

    /** The server underneath, for effects the helpers do not cover. */
    public MockWebServer server() {
        return server;
    }

    public ScriptedOpenAiServer enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** Any JSON (or other) body with a status. */
    public ScriptedOpenAiServer json(int status, String body) {
        return enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build());
    }

    /** A chat completion with one choice per text, finish_reason "stop". */
    public ScriptedOpenAiServer chatReply(List<String> texts, Usage usage) {
        return json(200, chatCompletion(texts, usage));
    }

    public ScriptedOpenAiServer chatReply(String text, Usage usage) {
        return chatReply(List.of(text), usage);
    }

    /** An error status with a body and extra headers (e.g. Retry-After). */
    public ScriptedOpenAiServer error(int status, String body, Map<String, String> headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(status).body(body);
        headers.forEach(builder::setHeader);
        return enqueue(builder.build());
    }

    /** A 200 event stream: each payload becomes a {@code data:} event. Add "[DONE]" yourself when wanted. */
    public ScriptedOpenAiServer sse(String... dataPayloads) {
        StringBuilder body = new StringBuilder();
        for (String payload : dataPayloads) {
            body.append("data: ").append(payload).append("\n\n");
        }
        return sseRaw(body.toString());
    }

    /** A 200 event stream with a body written by hand (for {@code error:} lines, comments, …). */
    public ScriptedOpenAiServer sseRaw(String body) {
        return enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body(body).build());
    }

    /** A {@code /v1/models} answer. */
    public ScriptedOpenAiServer models(String ownedBy, String... ids) {
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : ids) {
            data.addObject().put("id", id).put("object", "model").put("owned_by", ownedBy);
        }
        return json(200, root.toString());
    }

    /** The next request the client made; fails when none came within 5 s. */
    public RecordedRequest takeRequest() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the client made no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
    }

    /** The JSON body of the next request. */
    public JsonNode takeJson() {
        try {
            return JSON.readTree(takeRequest().getBody().utf8());
        } catch (IOException e) {
            throw new AssertionError("the request body is not JSON", e);
        }
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }

    /** The body of a chat completion with the given choices. */
    public static String chatCompletion(List<String> texts, Usage usage) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("model", "test-model");
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode choice = choices.addObject().put("index", i).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", texts.get(i));
        }
        root.putObject("usage").put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.promptTokens() + usage.completionTokens());
        return root.toString();
    }

    /** A streamed chunk carrying {@code content} for choice {@code index}; finishReason may be null. */
    public static String chunk(int index, String content, String finishReason) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", index);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root.toString();
    }

    /** The last chunk of an {@code include_usage} stream: no choices, only usage. */
    public static String usageChunk(long promptTokens, long completionTokens) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk")
                .put("model", "test-model");
        root.putArray("choices");
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
        return root.toString();
    }
}
