package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {

    private static final Message SYSTEM = new Message(Message.SYSTEM, "Be brief.");
    private static final Message HI = new Message(Message.USER, "Hi");
    private static final Message HELLO = new Message(Message.ASSISTANT, "Hello!");
    private static final Message WHY = new Message(Message.USER, "Why?");

    private static final List<Message> ONE = List.of(HI);
    private static final List<Message> WITH_SYSTEM = List.of(SYSTEM, HI);
    private static final List<Message> MULTI = List.of(SYSTEM, HI, HELLO, WHY);

    @Test
    void chatmlWrapsEveryTurnInImStartImEnd() {
        assertThat(ChatTemplate.CHATML.render(ONE, true))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
        assertThat(ChatTemplate.CHATML.render(WITH_SYSTEM, false))
                .isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n");
        assertThat(ChatTemplate.CHATML.render(MULTI, true)).isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n"
                + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
                + "<|im_start|>user\nWhy?<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void llama3UsesHeadersAndEotAfterTrimmedTurns() {
        assertThat(ChatTemplate.LLAMA3.render(List.of(new Message(Message.USER, " Hi \n")), true))
                .isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(ChatTemplate.LLAMA3.render(MULTI, false)).isEqualTo("<|begin_of_text|>"
                + "<|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nWhy?<|eot_id|>");
    }

    @Test
    void mistralFoldsTheSystemPromptIntoTheFirstInstruction() {
        assertThat(ChatTemplate.MISTRAL.render(ONE, true)).isEqualTo("<s>[INST] Hi [/INST]");
        assertThat(ChatTemplate.MISTRAL.render(WITH_SYSTEM, true)).isEqualTo("<s>[INST] Be brief.\n\nHi [/INST]");
        assertThat(ChatTemplate.MISTRAL.render(MULTI, true))
                .isEqualTo("<s>[INST] Be brief.\n\nHi [/INST]Hello!</s>[INST] Why? [/INST]");
    }

    @Test
    void phi3TagsEachTurnAndEndsItWithEnd() {
        assertThat(ChatTemplate.PHI3.render(ONE, true)).isEqualTo("<|user|>\nHi<|end|>\n<|assistant|>\n");
        assertThat(ChatTemplate.PHI3.render(MULTI, false)).isEqualTo("<|system|>\nBe brief.<|end|>\n"
                + "<|user|>\nHi<|end|>\n<|assistant|>\nHello!<|end|>\n<|user|>\nWhy?<|end|>\n");
    }

    @Test
    void gemmaCallsTheAssistantModelAndFoldsTheSystemPrompt() {
        assertThat(ChatTemplate.GEMMA.render(ONE, true))
                .isEqualTo("<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\n");
        assertThat(ChatTemplate.GEMMA.render(MULTI, true)).isEqualTo("<bos><start_of_turn>user\nBe brief.\n\nHi"
                + "<end_of_turn>\n<start_of_turn>model\nHello!<end_of_turn>\n<start_of_turn>user\nWhy?<end_of_turn>\n"
                + "<start_of_turn>model\n");
        assertThat(ChatTemplate.GEMMA.render(List.of(SYSTEM), false))
                .isEqualTo("<bos><start_of_turn>user\nBe brief.<end_of_turn>\n");
    }

    @Test
    void vicunaStartsWithItsSystemLineUnlessOneIsGiven() {
        assertThat(ChatTemplate.VICUNA.render(ONE, true)).isEqualTo("A chat between a curious user and an artificial"
                + " intelligence assistant. The assistant gives helpful, detailed, and polite answers to the user's"
                + " questions. USER: Hi ASSISTANT:");
        assertThat(ChatTemplate.VICUNA.render(MULTI, true))
                .isEqualTo("Be brief. USER: Hi ASSISTANT: Hello!</s>USER: Why? ASSISTANT:");
    }

    @Test
    void alpacaWritesInstructionAndResponseBlocks() {
        assertThat(ChatTemplate.ALPACA.render(ONE, true)).isEqualTo("Below is an instruction that describes a task."
                + " Write a response that appropriately completes the request.\n\n### Instruction:\nHi\n\n"
                + "### Response:\n");
        assertThat(ChatTemplate.ALPACA.render(MULTI, false)).isEqualTo("Be brief.\n\n### Instruction:\nHi\n\n"
                + "### Response:\nHello!\n\n### Instruction:\nWhy?\n\n");
    }

    @Test
    void plainJoinsContentsForBaseModels() {
        assertThat(ChatTemplate.PLAIN.render(ONE, true)).isEqualTo("Hi");
        assertThat(ChatTemplate.PLAIN.render(MULTI, true)).isEqualTo("Be brief.\n\nHi\n\nHello!\n\nWhy?");
    }

    @Test
    void toolMessagesUseTheFamilysToolRoleOrBecomeUserTurns() {
        List<Message> tool = List.of(new Message(Message.TOOL, "42"));
        assertThat(ChatTemplate.CHATML.render(tool, false)).isEqualTo("<|im_start|>tool\n42<|im_end|>\n");
        assertThat(ChatTemplate.LLAMA3.render(tool, false))
                .isEqualTo("<|begin_of_text|><|start_header_id|>ipython<|end_header_id|>\n\n42<|eot_id|>");
        assertThat(ChatTemplate.PHI3.render(tool, false)).isEqualTo("<|user|>\n42<|end|>\n");
        assertThat(ChatTemplate.MISTRAL.render(tool, false)).isEqualTo("<s>[INST] 42 [/INST]");
    }

    @Test
    void onlyTemplatesWithoutAFixedBosSpellingAskForTheBosId() {
        assertThat(List.of(ChatTemplate.values()).stream().filter(ChatTemplate::prependsBosId))
                .containsExactly(ChatTemplate.VICUNA, ChatTemplate.ALPACA, ChatTemplate.PLAIN);
    }

    @Test
    void namesAreFoundIgnoringCase() {
        assertThat(ChatTemplate.byName(" ChatML ")).contains(ChatTemplate.CHATML);
        assertThat(ChatTemplate.byName("llama2")).isEmpty();
        assertThat(ChatTemplate.names()).isEqualTo("chatml, llama3, mistral, phi3, gemma, vicuna, alpaca, plain");
    }

    @Test
    void anEmptyConversationIsRejected() {
        assertThatThrownBy(() -> ChatTemplate.CHATML.render(List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
