package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tokenize} and {@code promptLogprobs} of the OpenAI-compatible client against scripted servers. */
@Timeout(20)
class OpenAiTokenLevelTest {

    private ScriptedOpenAiServer server;
    private OpenAiCompatibleClient client;

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        client = new OpenAiCompatibleClient(server.baseUrl(), Optional.of("sk-secret-123"), "gpu box",
                HttpTimeouts.of(Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tokenizesAtTheServersRootAndReportsTheWindow() throws Exception {
        server.json(200, "{\"count\":2,\"max_model_len\":2048,\"tokens\":[15043,3186]}");

        Tokenization tokens = client.tokenize("llama", "Hello world", false);

        assertThat(tokens.ids()).containsExactly(15043, 3186);
        assertThat(tokens.maxModelLength()).isEqualTo(OptionalInt.of(2048));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/tokenize");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-secret-123");
        JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("llama");
        assertThat(body.path("prompt").asText()).isEqualTo("Hello world");
        assertThat(body.path("add_special_tokens").asBoolean(true)).isFalse();
    }

    @Test
    void sendsTokenIdPromptsAsOneBatchWithPromptLogprobsZero() throws Exception {
        server.json(200, """
                {"choices":[{"index":0,"text":"x","prompt_logprobs":[null,{"5":{"logprob":-1.5,"rank":3}}]},
                            {"index":1,"text":"y","prompt_logprobs":[null,{"8":{"logprob":-0.5,"rank":1}},
                                                                     {"9":{"logprob":-2.0,"rank":2}}]}]}""");

        List<double[]> logprobs = client.promptLogprobs("llama", List.of(new int[] {1, 5}, new int[] {1, 8, 9}));

        assertThat(logprobs.get(0)).containsExactly(Double.NaN, -1.5);
        assertThat(logprobs.get(1)).containsExactly(Double.NaN, -0.5, -2.0);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/completions");
        JsonNode body = Json.MAPPER.readTree(request.getBody().utf8());
        assertThat(body.path("prompt").toString()).isEqualTo("[[1,5],[1,8,9]]");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1);
        assertThat(body.path("prompt_logprobs").isInt()).isTrue();
        assertThat(body.path("prompt_logprobs").asInt()).isZero();
        assertThat(body.has("echo")).isFalse();
    }

    @Test
    void aServerWithoutTokenizeIsUnsupportedOnceAndForAll() {
        server.json(404, "{\"detail\":\"Not Found\"}");

        assertThatThrownBy(() -> client.tokenize("m", "hi", true))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageStartingWith("gpu box at " + server.baseUrl() + ": cannot score token ids (it has no "
                        + "/tokenize endpoint); token-level scoring such as IFD needs a vLLM server")
                .hasMessageContaining("in-process model folder")
                .hasMessageNotContaining("sk-secret");
        assertThatThrownBy(() -> client.promptLogprobs("m", List.of(new int[] {1, 2})))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(server.requestCount()).as("the second call sends nothing").isEqualTo(1);
    }

    @Test
    void llamaCppServersTokenizeIsRecognisedAsUnsupported() {
        // llama.cpp reads "content", so it answers an empty list for vLLM's body, and has no max_model_len.
        server.json(200, "{\"tokens\":[]}");

        assertThatThrownBy(() -> client.tokenize("m", "Hello", true))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageContaining("llama.cpp server");
    }

    @Test
    void aServerThatIgnoresPromptLogprobsIsUnsupported() {
        server.json(200, "{\"choices\":[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"length\"}]}");

        assertThatThrownBy(() -> client.promptLogprobs("m", List.of(new int[] {1, 2})))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageContaining("it ignores prompt_logprobs");
    }

    @Test
    void anUnknownModelIsTheCallersMistakeNotAMissingFeature() {
        server.error(404, "{\"object\":\"error\",\"message\":\"The model `nope` does not exist.\","
                + "\"type\":\"NotFoundError\",\"code\":404}", Map.of());
        server.json(200, "{\"count\":1,\"max_model_len\":8,\"tokens\":[3]}");

        assertThatThrownBy(() -> client.tokenize("nope", "hi", true))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMANENT))
                .hasMessageContaining("The model `nope` does not exist.");
        assertThat(catchTokenize()).as("still usable with the right model").isNotNull();
    }

    @Test
    void aServerErrorStaysTransient() {
        server.error(503, "{\"error\":{\"message\":\"busy\"}}", Map.of("Retry-After", "1"));

        assertThatThrownBy(() -> client.promptLogprobs("m", List.of(new int[] {1, 2})))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                });
    }

    private Tokenization catchTokenize() {
        try {
            return client.tokenize("m", "hi", true);
        } catch (LlmException e) {
            throw new AssertionError(e);
        }
    }
}
