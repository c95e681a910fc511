package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OpenAiChatTest {

    private ScriptedOpenAiServer server;
    private OpenAiCompatibleClient client;

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        client = new OpenAiCompatibleClient(server.baseUrl() + "/", Optional.of("sk-test-123"), "test server",
                HttpTimeouts.of(Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static ChatRequest request(ChatParameters parameters) {
        return new ChatRequest("test-model", List.of(new Message(Message.SYSTEM, "Be brief."),
                new Message(Message.USER, "Hi")), parameters);
    }

    @Test
    void chatReturnsTextFinishReasonAndUsage() throws Exception {
        server.chatReply("Hello there.", new Usage(12, 3));

        ChatResponse response = client.chat(request(ChatParameters.defaults()));

        assertThat(response.text()).isEqualTo("Hello there.");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(response.choices().get(0).logprobs()).isEmpty();
        assertThat(response.usage()).isEqualTo(new Usage(12, 3));
        assertThat(response.model()).isEqualTo("test-model");
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-123");
    }

    @Test
    void parametersAreSerialisedAndEmptyOnesLeftOut() throws Exception {
        server.chatReply("ok", Usage.NONE);
        ChatParameters parameters = ChatParameters.defaults().withMaxTokens(64).withTemperature(0.7).withTopP(0.9)
                .withSeed(42).withStop(List.of("###", "\n\n")).withLogprobs(3).withResponseFormat("json_object");

        client.chat(request(parameters));

        JsonNode body = server.takeJson();
        assertThat(body.get("model").asText()).isEqualTo("test-model");
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Hi");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.get("stop").get(1).asText()).isEqualTo("\n\n");
        assertThat(body.get("logprobs").asBoolean()).isTrue();
        assertThat(body.get("top_logprobs").asInt()).isEqualTo(3);
        assertThat(body.get("response_format").get("type").asText()).isEqualTo("json_object");
        assertThat(body.has("n")).isFalse();
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void defaultsSendOnlyModelAndMessages() throws Exception {
        server.chatReply("ok", Usage.NONE);

        client.chat(request(ChatParameters.defaults()));

        JsonNode body = server.takeJson();
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("model", "messages");
    }

    @Test
    void readsOpenAiLogprobsWithAlternatives() throws Exception {
        server.json(200, """
                {"model":"m","choices":[{"index":0,"finish_reason":"length",
                  "message":{"role":"assistant","content":"Hi!"},
                  "logprobs":{"content":[
                    {"token":"Hi","logprob":-0.25,"bytes":[72,105],
                     "top_logprobs":[{"token":"Hi","logprob":-0.25,"bytes":[72,105]},{"token":"Hello","logprob":-1.5,"bytes":null}]},
                    {"token":"!","logprob":-0.5,"bytes":[33],"top_logprobs":[]}]}}],
                 "usage":{"prompt_tokens":5,"completion_tokens":2}}
                """);

        ChatResponse response = client.chat(request(ChatParameters.defaults().withLogprobs(2)));

        List<TokenLogprob> tokens = response.choices().get(0).logprobs();
        assertThat(tokens).extracting(TokenLogprob::token).containsExactly("Hi", "!");
        assertThat(tokens).extracting(TokenLogprob::logprob).containsExactly(-0.25, -0.5);
        assertThat(tokens.get(0).top()).containsExactly(new TokenLogprob.Alternative("Hi", -0.25),
                new TokenLogprob.Alternative("Hello", -1.5));
        assertThat(response.choices().get(0).finishReason()).isEqualTo("length");
    }

    @Test
    void readsLlamaCppLogprobsAtChoiceLevelWithBytesAndMissingFields() throws Exception {
        // llama.cpp variants: the content list on the choice itself, a token given only as bytes,
        // no top_logprobs, an entry without a log-prob (skipped), and a probability instead of a log-prob.
        server.json(200, """
                {"choices":[{"index":0,"message":{"content":"é."},"finish_reason":"stop",
                  "content":[
                    {"id":1,"bytes":[195,169],"logprob":-0.1},
                    {"id":2,"token":"?"},
                    {"tok_str":".","prob":0.5,"probs":[{"tok_str":".","prob":0.5}]}]}]}
                """);

        ChatResponse response = client.chat(request(ChatParameters.defaults().withLogprobs(1)));

        List<TokenLogprob> tokens = response.choices().get(0).logprobs();
        assertThat(tokens).extracting(TokenLogprob::token).containsExactly("é", ".");
        assertThat(tokens.get(0).logprob()).isEqualTo(-0.1);
        assertThat(tokens.get(0).top()).isEmpty();
        assertThat(tokens.get(1).logprob()).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(tokens.get(1).top()).hasSize(1);
        assertThat(response.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void readsLegacyCompletionsLogprobs() throws Exception {
        server.json(200, """
                {"choices":[{"index":0,"text":"Yes sir","finish_reason":"stop",
                  "logprobs":{"tokens":["Yes"," sir"],"token_logprobs":[-0.1,-2.0],
                              "top_logprobs":[{"Yes":-0.1,"No":-2.4},null],"text_offset":[0,3]}}]}
                """);

        ChatResponse response = client.chat(request(ChatParameters.defaults().withLogprobs(2)));

        List<TokenLogprob> tokens = response.choices().get(0).logprobs();
        assertThat(response.text()).isEqualTo("Yes sir");
        assertThat(tokens).extracting(TokenLogprob::token).containsExactly("Yes", " sir");
        assertThat(tokens.get(0).top()).containsExactly(new TokenLogprob.Alternative("Yes", -0.1),
                new TokenLogprob.Alternative("No", -2.4));
        assertThat(tokens.get(1).top()).isEmpty();
    }

    @Test
    void choicesAreOrderedByIndex() throws Exception {
        server.json(200, """
                {"choices":[{"index":1,"message":{"content":"second"}},{"index":0,"message":{"content":null}}]}
                """);

        ChatResponse response = client.chat(request(ChatParameters.defaults().withN(2)));

        assertThat(response.choices()).extracting(c -> c.text()).containsExactly("", "second");
        assertThat(response.choices().get(0).finishReason()).isEmpty();
    }

    @Test
    void nIsSentWhenTheServerSupportsIt() throws Exception {
        server.chatReply(List.of("a", "b", "c"), new Usage(10, 9));

        ChatResponse response = client.chat(request(ChatParameters.defaults().withN(3)));

        assertThat(response.choices()).extracting(c -> c.text()).containsExactly("a", "b", "c");
        assertThat(response.usage()).isEqualTo(new Usage(10, 9));
        assertThat(server.takeJson().get("n").asInt()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void refusedNFallsBackToSingleRequestsAndIsRemembered() throws Exception {
        // llama.cpp's words for n > 1
        server.error(500, "{\"error\":{\"code\":500,\"message\":\"Only one completion choice is allowed\",\"type\":\"server_error\"}}", Map.of())
                .chatReply("one", new Usage(10, 1))
                .chatReply("two", new Usage(10, 2))
                .chatReply("three", new Usage(10, 3));

        ChatResponse response = client.chat(request(ChatParameters.defaults().withN(3).withSeed(7)));

        assertThat(response.choices()).extracting(c -> c.text()).containsExactly("one", "two", "three");
        assertThat(response.usage()).isEqualTo(new Usage(30, 6));
        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(server.takeJson().get("n").asInt()).isEqualTo(3);
        JsonNode first = server.takeJson();
        assertThat(first.has("n")).isFalse();
        assertThat(first.get("seed").asLong()).isEqualTo(7);
        assertThat(server.takeJson().get("seed").asLong()).isEqualTo(8);
        assertThat(server.takeJson().get("seed").asLong()).isEqualTo(9);

        server.chatReply("x", new Usage(1, 1)).chatReply("y", new Usage(1, 1));
        ChatResponse again = client.chat(request(ChatParameters.defaults().withN(2)));

        assertThat(again.choices()).extracting(c -> c.text()).containsExactly("x", "y");
        assertThat(server.requestCount()).isEqualTo(6);
        assertThat(server.takeJson().has("n")).isFalse();
    }

    @Test
    void fewerChoicesThanAskedAreToppedUpWithSingleRequests() throws Exception {
        server.chatReply("only one", new Usage(4, 2)).chatReply("extra", new Usage(4, 1));

        ChatResponse response = client.chat(request(ChatParameters.defaults().withN(2)));

        assertThat(response.choices()).extracting(c -> c.text()).containsExactly("only one", "extra");
        assertThat(response.usage()).isEqualTo(new Usage(8, 3));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aFailureUnrelatedToNIsNotMistakenForARefusal() {
        server.error(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}", Map.of());

        assertThatThrownBy(() -> client.chat(request(ChatParameters.defaults().withN(2))))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT))
                .hasMessageContaining("CUDA out of memory");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void modelsListsIds() throws Exception {
        server.models("vllm", "Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.2-1B");

        assertThat(client.models()).containsExactly("Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.2-1B");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() throws Exception {
        OpenAiCompatibleClient keyless = new OpenAiCompatibleClient(server.baseUrl(), Optional.empty(), "local",
                HttpTimeouts.of(Duration.ofSeconds(3)));
        server.chatReply("ok", Usage.NONE);

        keyless.chat(request(ChatParameters.defaults()));

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void anUnsupportedToolChoiceIsNotMistakenForARefusedN() {
        server.error(400, "{\"error\":{\"message\":\"tool_choice is not supported\"}}", Map.of());

        assertThatThrownBy(() -> client.chat(request(ChatParameters.defaults().withN(2))))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.PERMANENT));
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
