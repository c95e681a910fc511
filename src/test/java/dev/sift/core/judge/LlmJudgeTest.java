package dev.sift.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The judge against a scripted OpenAI-compatible server on loopback: the exact prompts, the repair, the flag. */
class LlmJudgeTest {

    private static final Usage USAGE = new Usage(50, 10);
    private static final String QUESTION = "Why is the sky blue?";
    private static final String ANSWER_M1 = "Rayleigh scattering favours short wavelengths.";
    private static final String ANSWER_M2 = "Because it reflects the sea.";

    private ScriptedOpenAiServer server;
    private LlmJudge judge;
    private final JudgePrompts prompts = JudgePrompts.defaults();

    @BeforeEach
    void setUp() {
        server = ScriptedOpenAiServer.start();
        var client = new OpenAiCompatibleClient(server.baseUrl(), Optional.empty(), "judge box");
        judge = new LlmJudge(client, "judge-model", ChatParameters.defaults().withTemperature(0.7), prompts);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void pairwiseAsksInBothOrdersWithCherrysPromptStructureAtTemperatureZero() throws Exception {
        server.chatReply("8 3\nAssistant 1 is correct; Assistant 2 is wrong.", USAGE);
        server.chatReply("9, 2\nAssistant 1 reads better.", USAGE); // position bias: the first shown wins

        PairwiseComparison result = judge.compare(QUESTION, ANSWER_M1, ANSWER_M2);

        JsonNode forward = server.takeJson();
        JsonNode reverse = server.takeJson();
        assertThat(forward.path("model").asText()).isEqualTo("judge-model");
        assertThat(forward.path("temperature").asDouble()).isZero();
        assertThat(forward.path("max_tokens").asInt()).isEqualTo(LlmJudge.DEFAULT_MAX_TOKENS);
        assertThat(forward.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(forward.path("messages").get(0).path("content").asText())
                .isEqualTo("You are a helpful and precise assistant who checks the quality of answers.");
        String forwardUser = forward.path("messages").get(1).path("content").asText();
        assertThat(forwardUser).startsWith("[Question]\n" + QUESTION + "\n\n"
                + "[The Start of Assistant 1's Answer]\n" + ANSWER_M1 + "\n\n[The End of Assistant 1's Answer]\n\n"
                + "[The Start of Assistant 2's Answer]\n" + ANSWER_M2 + "\n\n[The End of Assistant 2's Answer]\n\n"
                + "[System]\n");
        assertThat(forwardUser).contains("helpfulness, relevance, accuracy and level of detail")
                .contains("On the first line, write only the two scores");
        String reverseUser = reverse.path("messages").get(1).path("content").asText();
        assertThat(reverseUser).isEqualTo(forwardUser.replace(ANSWER_M1, "@M1@").replace(ANSWER_M2, ANSWER_M1)
                .replace("@M1@", ANSWER_M2));

        assertThat(result.forward().scores()).contains(new ScorePair(8, 3));
        assertThat(result.reverse().scores()).contains(new ScorePair(9, 2));
        assertThat(result.verdict()).contains(Verdict.TIE); // m1 better when shown first, m2 when shown first
        assertThat(result.preferenceChangesWithOrder()).contains(true);
        assertThat(result.forward().rawOutput()).startsWith("8 3\n");
        assertThat(result.forward().promptHash()).hasSize(64).isNotEqualTo(result.reverse().promptHash());
        assertThat(result.forward().promptHash()).isEqualTo(PromptTemplate.hash(prompts.pairwise()
                .render(Map.of("question", QUESTION, "answer_1", ANSWER_M1, "answer_2", ANSWER_M2))));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aReplyWithoutScoresIsRepairedOnceInTheSameConversation() throws Exception {
        server.chatReply("Assistant 1 is better: 8 versus 3.", USAGE);
        server.chatReply("8 3", USAGE);
        server.chatReply("3 8\nSame judgement.", USAGE);

        PairwiseComparison result = judge.compare(QUESTION, ANSWER_M1, ANSWER_M2);

        JsonNode first = server.takeJson();
        JsonNode repair = server.takeJson();
        assertThat(repair.path("messages")).hasSize(4);
        assertThat(repair.path("messages").get(1)).isEqualTo(first.path("messages").get(1));
        assertThat(repair.path("messages").get(2).path("role").asText()).isEqualTo(Message.ASSISTANT);
        assertThat(repair.path("messages").get(2).path("content").asText()).isEqualTo("Assistant 1 is better: 8 versus 3.");
        assertThat(repair.path("messages").get(3).path("content").asText()).isEqualTo(prompts.pairwiseRepair());
        assertThat(result.forward().scores()).contains(new ScorePair(8, 3));
        assertThat(result.forward().rawOutput()).isEqualTo("Assistant 1 is better: 8 versus 3.");
        assertThat(result.forward().repairOutput()).isEqualTo("8 3");
        assertThat(result.verdict()).contains(Verdict.WIN);
    }

    @Test
    void aReplyStillWithoutScoresAfterTheRepairIsFlaggedNotGuessed() throws Exception {
        server.chatReply("Both are fine.", USAGE);
        server.chatReply("I would rather not give numbers.", USAGE);
        server.chatReply("7 7", USAGE);

        PairwiseComparison result = judge.compare(QUESTION, ANSWER_M1, ANSWER_M2);

        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(result.forward().unparsed()).isTrue();
        assertThat(result.forward().rawOutput()).isEqualTo("Both are fine.");
        assertThat(result.forward().repairOutput()).isEqualTo("I would rather not give numbers.");
        assertThat(result.unparsed()).isTrue();
        assertThat(result.verdict()).isEmpty();
        assertThat(PairwiseComparison.tally(List.of(result))).isEqualTo(new WinTieLose(0, 0, 0, 1));
    }

    @Test
    void gradesOneAnswerWithRationaleAndRepairsAMissingRating() throws Exception {
        server.chatReply("Correct and well explained, if brief.\nRating: [[7.5]]", USAGE);
        server.chatReply("It is wrong.", USAGE);
        server.chatReply("Rating: [[2]]", USAGE);
        server.chatReply("No idea.", USAGE);
        server.chatReply("Still no idea.", USAGE);

        Grade good = judge.grade(QUESTION, ANSWER_M1);
        Grade repaired = judge.grade(QUESTION, ANSWER_M2);
        Grade flagged = judge.grade(QUESTION, "?");

        JsonNode sent = server.takeJson();
        assertThat(sent.path("temperature").asDouble()).isZero();
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo(prompts.single().system())
                .contains("helpful, relevant, accurate, deep, creative and detailed").contains("\"Rating: [[5]]\"");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("[Question]\n" + QUESTION
                + "\n\n[The Start of the Assistant's Answer]\n" + ANSWER_M1 + "\n[The End of the Assistant's Answer]");
        assertThat(good.score()).hasValue(7.5);
        assertThat(good.rationale()).isEqualTo("Correct and well explained, if brief.");
        assertThat(good.repairOutput()).isEmpty();
        assertThat(repaired.score()).hasValue(2);
        assertThat(repaired.rationale()).isEqualTo("It is wrong.");
        server.takeJson();
        assertThat(server.takeJson().path("messages").get(3).path("content").asText()).isEqualTo(prompts.singleRepair());
        assertThat(flagged.unparsed()).isTrue();
        assertThat(flagged.rawOutput()).isEqualTo("No idea.");
        assertThat(flagged.repairOutput()).isEqualTo("Still no idea.");
        assertThat(server.requestCount()).isEqualTo(5);
    }
}
