package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.TokenLogprob.Alternative;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OpenAiScoringTest {

    /** "Q: 2+2?\nA:" is 10 characters, so the continuation " 4." starts at offset 10. */
    private static final ScoreRequest QUESTION = new ScoreRequest("m", "Q: 2+2?\nA:", " 4.");

    /** vLLM's echo answer for QUESTION: 11 prompt tokens, then one generated token ("\n" at offset 13). */
    private static final String ECHO_ANSWER = """
            {"model":"m","choices":[{"index":0,"text":"Q: 2+2?\\nA: 4.\\n","finish_reason":"length",
              "logprobs":{
                "tokens":        ["Q",  ":",  " 2", "+",  "2",  "?",  "\\n", "A",  ":",   " 4", ".",  "\\n"],
                "token_logprobs":[null, -1.0, -2.0, -0.5, -0.1, -0.3, -0.2,  -0.4, -0.05, -1.2, -0.7, -0.9],
                "top_logprobs":  [null, {":":-1.0}, {" 2":-2.0}, {"+":-0.5}, {"2":-0.1}, {"?":-0.3}, {"\\n":-0.2},
                                  {"A":-0.4}, {":":-0.05}, {" 5":-0.9, " 4":-1.2}, {".":-0.7}, {"\\n":-0.9}],
                "text_offset":   [0,    1,    2,    4,    5,    6,    7,     8,    9,     10,   12,   13]}}],
             "usage":{"prompt_tokens":11,"completion_tokens":1,"total_tokens":12}}
            """;

    private ScriptedOpenAiServer server;
    private OpenAiCompatibleClient client;

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        client = new OpenAiCompatibleClient(server.baseUrl(), Optional.empty(), "scoring server",
                HttpTimeouts.of(Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void echoScoresTheContinuationTokensFoundByTextOffset() throws Exception {
        server.json(200, ECHO_ANSWER);

        ScoreResult result = client.score(QUESTION);

        assertThat(result.continuationTokens()).containsExactly(
                new TokenLogprob(" 4", -1.2, List.of(new Alternative(" 5", -0.9), new Alternative(" 4", -1.2))),
                new TokenLogprob(".", -0.7, List.of(new Alternative(".", -0.7))));
        assertThat(result.promptTokens()).isEqualTo(9);
        assertThat(result.meanNll()).isCloseTo(0.95, within(1e-12));
        assertThat(result.model()).isEqualTo("m");
        JsonNode body = server.takeJson();
        assertThat(body.get("prompt").asText()).isEqualTo("Q: 2+2?\nA: 4.");
        assertThat(body.get("echo").asBoolean()).isTrue();
        assertThat(body.get("logprobs").asInt()).isEqualTo(1);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1);
    }

    @Test
    void echoThatWorkedIsUsedDirectlyNextTime() throws Exception {
        server.json(200, ECHO_ANSWER).json(200, ECHO_ANSWER);

        client.score(QUESTION);
        client.score(QUESTION);

        assertThat(server.requestCount()).isEqualTo(2);
        server.takeJson();
        assertThat(server.takeJson().get("echo").asBoolean()).isTrue();
    }

    @Test
    void promptLogprobsScoreWhenEchoIsRefused() throws Exception {
        // "Q: yes!": tokens "Q" (no log-prob), ":", " yes", "!"; the continuation " yes!" starts at 2.
        server.error(400, "{\"error\":{\"message\":\"echo is not supported by this model\"}}", Map.of())
                .json(200, """
                        {"model":"m","choices":[{"index":0,"text":"\\n","prompt_token_ids":[48,25,3763,0],
                          "prompt_logprobs":[null,
                            {"25":{"logprob":-1.0,"rank":1,"decoded_token":":"}},
                            {"3763":{"logprob":-0.8,"rank":2,"decoded_token":" yes"},"645":{"logprob":-0.6,"rank":1,"decoded_token":" no"}},
                            {"0":{"logprob":-1.5,"rank":1,"decoded_token":"!"}}]}],
                         "usage":{"prompt_tokens":4,"completion_tokens":1}}
                        """)
                .json(200, """
                        {"choices":[{"index":0,"text":"","prompt_logprobs":[null,{"1":{"logprob":-3.0,"decoded_token":"b"}}]}]}
                        """);

        ScoreResult result = client.score(new ScoreRequest("m", "Q:", " yes!"));

        assertThat(result.continuationTokens()).containsExactly(
                new TokenLogprob(" yes", -0.8, List.of(new Alternative(" no", -0.6))),
                new TokenLogprob("!", -1.5, List.of(new Alternative("!", -1.5))));
        assertThat(result.promptTokens()).isEqualTo(2);
        assertThat(server.takeJson().get("echo").asBoolean()).isTrue();
        JsonNode second = server.takeJson();
        assertThat(second.get("prompt_logprobs").asInt()).isEqualTo(1);
        assertThat(second.has("echo")).isFalse();

        ScoreResult next = client.score(new ScoreRequest("m", "a", "b"));

        assertThat(next.continuationTokens()).containsExactly(new TokenLogprob("b", -3.0, List.of(new Alternative("b", -3.0))));
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.takeJson().has("prompt_logprobs")).isTrue();
    }

    @Test
    void llamaCppIsUnsupportedOnTheFirstCallAndFailsFastAfterwards() {
        server.error(500, "{\"error\":{\"code\":500,\"message\":\"Unsupported param: echo\",\"type\":\"server_error\"}}", Map.of());

        assertThatThrownBy(() -> client.score(QUESTION))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageContaining("scoring server at " + server.baseUrl())
                .hasMessageContaining("llama.cpp")
                .hasMessageContaining("cannot return prompt-token log-probs")
                .hasMessageContaining("in-process");
        assertThat(server.requestCount()).isEqualTo(1);

        assertThatThrownBy(() -> client.score(QUESTION))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerWithoutCompletionsIsUnsupported() {
        server.error(404, "404 page not found", Map.of());

        assertThatThrownBy(() -> client.score(QUESTION))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageContaining("no legacy completions endpoint");
        assertThatThrownBy(() -> client.score(QUESTION)).isInstanceOf(LlmException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerThatIgnoresEchoAndPromptLogprobsIsUnsupported() {
        // Ollama: completes the prompt, echoes nothing, has no prompt_logprobs
        String ignored = "{\"choices\":[{\"index\":0,\"text\":\"Four\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1}}";
        server.json(200, ignored).json(200, ignored);

        assertThatThrownBy(() -> client.score(QUESTION))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED))
                .hasMessageContaining("ignored");
        assertThatThrownBy(() -> client.score(QUESTION)).isInstanceOf(LlmException.class);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aTransientFailureWhileProbingIsNotRemembered() throws Exception {
        server.error(503, "warming up", Map.of()).json(200, ECHO_ANSWER);

        assertThatThrownBy(() -> client.score(QUESTION))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(client.score(QUESTION).continuationTokens()).hasSize(2);
    }
}
