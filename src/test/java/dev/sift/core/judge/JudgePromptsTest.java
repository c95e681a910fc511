package dev.sift.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgePromptsTest {

    @TempDir
    Path dir;

    @Test
    void shippedPromptsUseTheirPlaceholdersAndAskForTheExactScoreForms() {
        JudgePrompts prompts = JudgePrompts.defaults();

        assertThat(prompts.single().user()).contains("{question}").contains("{answer}");
        assertThat(prompts.single().system()).contains("Rating: [[5]]");
        assertThat(prompts.pairwise().user()).contains("{question}").contains("{answer_1}").contains("{answer_2}")
                .contains("[System]");
        assertThat(ScoreParser.rating(prompts.singleRepair())).hasValue(5);
    }

    @Test
    void renderingFillsPlaceholdersOnceAndHashesWhatIsSent() {
        PromptTemplate template = new PromptTemplate("Judge.", "Q: {question}\nA: {answer}");

        List<Message> messages = template.render(Map.of("question", "Is {answer} literal?", "answer", "$1 yes"));

        assertThat(messages).containsExactly(new Message(Message.SYSTEM, "Judge."),
                new Message(Message.USER, "Q: Is {answer} literal?\nA: $1 yes"));
        assertThat(PromptTemplate.hash(messages)).isNotEqualTo(PromptTemplate.hash(
                new PromptTemplate("Judge.", "Q: {question}\nA: {answer}").render(Map.of("question", "x", "answer", "y"))));
        assertThatThrownBy(() -> template.render(Map.of("question", "q"))).hasMessageContaining("{answer}");
    }

    @Test
    void aPromptsFileReplacesTheDefaultsAndABrokenOneIsNamed() throws Exception {
        Path file = dir.resolve("prompts.json");
        Files.writeString(file, """
                {"single": {"system": "", "user": "Grade {answer} for {question}"}, "singleRepair": "Rating only.",
                 "pairwise": {"system": "S", "user": "{question} {answer_1} {answer_2}"}, "pairwiseRepair": "Scores only."}
                """);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"single\": {\"user\": \"x\"}, \"singleRepair\": \"r\"}");

        JudgePrompts prompts = JudgePrompts.read(file);

        assertThat(prompts.single().render(Map.of("question", "q", "answer", "a")))
                .containsExactly(new Message(Message.USER, "Grade a for q"));
        assertThatThrownBy(() -> JudgePrompts.read(broken)).hasMessageContaining("broken.json")
                .hasMessageContaining("'pairwise'");
    }
}
