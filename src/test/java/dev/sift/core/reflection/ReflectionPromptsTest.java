package dev.sift.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of §4.3: system message, then one user message with the tagged blocks in order. */
class ReflectionPromptsTest {

    @Test
    void theInstructionReflectionHasItsSystemRoleAndTheTaggedBlocksInOrder() {
        List<Message> m = ReflectionPrompts.instruction("Name a colour.", "", "Red.");

        assertThat(m).extracting(Message::role).containsExactly(Message.SYSTEM, Message.USER);
        assertThat(m.get(0).content()).contains("picky").contains("instruction");
        assertThat(m.get(1).content()).startsWith("[Instruction]\nName a colour.\n\n[The Start of Answer]\nRed.\n\n"
                + "[The End of Answer]\n\n[System]\n" + ReflectionPrompts.INSTRUCTION_CRITERIA);
        assertThat(ReflectionPrompts.INSTRUCTION_CRITERIA).contains("Complexity of the Topic", "Level of Detail "
                + "Required", "Knowledge Required", "Ambiguity of the Instruction", "Logical Reasoning or "
                + "Problem-Solving Involved", "Helpfulness, Relevance, Accuracy and Level of Details",
                "[New Instruction] your instruction [End]", "[New Answer] your answer [End]");
    }

    @Test
    void anInstructionReflectionCarriesTheInputWithTheInstruction() {
        String user = ReflectionPrompts.instruction("Translate.", "Bonjour", "Hello").get(1).content();

        assertThat(user).startsWith("[Instruction]\nTranslate.\nBonjour\n\n[The Start of Answer]\nHello\n\n");
        assertThat(user).doesNotContain("[The Start of Input]");
    }

    @Test
    void theResponseReflectionHasAnInputBlockOnlyWhenThereIsAnInput() {
        List<Message> without = ReflectionPrompts.response("Name a colour.", "", "Red.");
        List<Message> with = ReflectionPrompts.response("Translate.", "Bonjour", "Hello");

        assertThat(without.get(0).content()).contains("picky").contains("answer");
        assertThat(without.get(1).content()).startsWith("[Instruction]\nName a colour.\n\n[The Start of Answer]\n"
                + "Red.\n\n[The End of Answer]\n\n[System]\n" + ReflectionPrompts.RESPONSE_CRITERIA);
        assertThat(with.get(1).content()).startsWith("[Instruction]\nTranslate.\n\n[The Start of Input]\nBonjour\n\n"
                + "[The End of Input]\n\n[The Start of Answer]\nHello\n\n[The End of Answer]\n\n[System]\n");
        assertThat(ReflectionPrompts.RESPONSE_CRITERIA).contains("Helpfulness, Relevance, Accuracy and Level of "
                + "Details", "[Better Answer] your answer [End]");
    }
}
