package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.openai.Json.BadReply;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading vLLM's {@code /tokenize} answer and its {@code prompt_logprobs} for token-id prompts. */
class PromptLogprobsParserTest {

    /** Two prompts; choices out of order; position objects list the more likely token first. */
    private static final String TWO_PROMPTS = """
            {"id":"cmpl-1","object":"text_completion","model":"m","choices":[
              {"index":1,"text":"!","finish_reason":"length","logprobs":null,
               "prompt_logprobs":[null,{"9":{"logprob":-0.25,"rank":1,"decoded_token":" b"}}]},
              {"index":0,"text":"?","finish_reason":"length","logprobs":null,
               "prompt_logprobs":[null,
                 {"13":{"logprob":-0.1,"rank":1,"decoded_token":" the"},"4":{"logprob":-2.5,"rank":7,"decoded_token":"Q"}},
                 {"1000":{"logprob":-9999.0,"rank":30000,"decoded_token":"zz"},"5":{"logprob":-0.3,"rank":1,"decoded_token":":"}}]}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}
            """;

    @Test
    void picksEachPromptTokenByIdNotByRankOrPositionAndKeepsThePromptOrder() throws Exception {
        List<double[]> logprobs = PromptLogprobsParser.promptLogprobs(parse(TWO_PROMPTS),
                List.of(new int[] {1, 4, 1000}, new int[] {1, 9}));

        assertThat(logprobs).hasSize(2);
        assertThat(logprobs.get(0)).containsExactly(Double.NaN, -2.5, -9999.0);
        assertThat(logprobs.get(1)).containsExactly(Double.NaN, -0.25);
    }

    @Test
    void aSingleTokenPromptHasOnlyTheNaNOfItsFirstToken() throws Exception {
        String answer = "{\"choices\":[{\"index\":0,\"prompt_logprobs\":[null]}]}";

        assertThat(PromptLogprobsParser.promptLogprobs(parse(answer), List.of(new int[] {42})).get(0))
                .containsExactly(Double.NaN);
    }

    @Test
    void namesThePositionWhoseTokenIsMissing() {
        String answer = """
                {"choices":[{"index":0,"prompt_logprobs":[null,{"13":{"logprob":-0.1,"rank":1}}]}]}""";

        assertThatThrownBy(() -> PromptLogprobsParser.promptLogprobs(parse(answer), List.of(new int[] {1, 4})))
                .isInstanceOf(BadReply.class)
                .hasMessage("sent no log-prob for token id 4 at position 1 of prompt 0");
    }

    @Test
    void rejectsAnswersThatDoNotFitThePrompts() {
        String shortList = "{\"choices\":[{\"index\":0,\"prompt_logprobs\":[null]}]}";
        assertThatThrownBy(() -> PromptLogprobsParser.promptLogprobs(parse(shortList), List.of(new int[] {1, 4})))
                .hasMessage("sent 1 prompt_logprobs for prompt 0 of 2 tokens");
        assertThatThrownBy(() -> PromptLogprobsParser.promptLogprobs(parse(shortList),
                List.of(new int[] {1}, new int[] {2})))
                .hasMessage("answered with 1 choices for 2 prompts");
        String none = "{\"choices\":[{\"index\":0,\"text\":\"x\"}]}";
        assertThat(PromptLogprobsParser.hasPromptLogprobs(parse(none))).isFalse();
        assertThat(PromptLogprobsParser.hasPromptLogprobs(parse(shortList))).isTrue();
    }

    @Test
    void readsTokenizeWithAndWithoutTheModelsWindow() throws Exception {
        JsonNode vllm = parse("{\"count\":3,\"max_model_len\":4096,\"tokens\":[1,15043,3186],\"token_strs\":null}");
        assertThat(PromptLogprobsParser.tokens(vllm)).containsExactly(1, 15043, 3186);
        assertThat(PromptLogprobsParser.maxModelLength(vllm)).isEqualTo(OptionalInt.of(4096));

        JsonNode plain = parse("{\"tokens\":[]}");
        assertThat(PromptLogprobsParser.tokens(plain)).isEmpty();
        assertThat(PromptLogprobsParser.maxModelLength(plain)).isEmpty();

        assertThatThrownBy(() -> PromptLogprobsParser.tokens(parse("{\"tokens\":[1,\"a\"]}")))
                .hasMessage("answered with a token id that is not an integer at position 1");
        assertThatThrownBy(() -> PromptLogprobsParser.tokens(parse("{\"count\":2}")))
                .hasMessage("answered without a \"tokens\" list");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (BadReply e) {
            throw new AssertionError(e);
        }
    }
}
