package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    private static final String VICUNA = "A chat between a curious user and an artificial intelligence assistant. "
            + "The assistant gives helpful, detailed, and polite answers to the user's questions.";

    @Test
    void alpacaWithoutInput() {
        assertThat(PromptTemplate.ALPACA.format("Add 2 and 3.", "")).isEqualTo(
                "Below is an instruction that describes a task. Write a response that appropriately completes the "
                        + "request.\n\n### Instruction:\nAdd 2 and 3.\n\n### Response:");
    }

    @Test
    void alpacaWithInput() {
        assertThat(PromptTemplate.ALPACA.format("Sum these.", "2, 3")).isEqualTo(
                "Below is an instruction that describes a task, paired with an input that provides further context. "
                        + "Write a response that appropriately completes the request.\n\n"
                        + "### Instruction:\nSum these.\n\n### Input:\n2, 3\n\n### Response:");
    }

    @Test
    void wizWithAndWithoutInput() {
        assertThat(PromptTemplate.WIZ.format("Q", "")).isEqualTo("Q\n\n### Response:");
        assertThat(PromptTemplate.WIZ.format("Q", "I")).isEqualTo("Q\nI\n\n### Response:");
    }

    @Test
    void wizCherryV1PutsInputAfterInputLabel() {
        assertThat(PromptTemplate.WIZ_CHERRY_V1.format("Q", "")).isEqualTo("Q\n\n### Response:");
        assertThat(PromptTemplate.WIZ_CHERRY_V1.format("Q", "I")).isEqualTo("Q\nInput:I\n\n### Response:");
    }

    @Test
    void vicunaWithAndWithoutInput() {
        assertThat(PromptTemplate.VICUNA.format("Q", null)).isEqualTo(VICUNA + " USER: Q ASSISTANT:");
        assertThat(PromptTemplate.VICUNA.format("Q", "I")).isEqualTo(VICUNA + " USER: Q\nInput:\nI ASSISTANT:");
    }

    @Test
    void noneTemplateEndsEachPartWithNewline() {
        assertThat(PromptTemplate.NONE.format("Q", "")).isEqualTo("Q\n");
        assertThat(PromptTemplate.NONE.format("Q", "I")).isEqualTo("Q\nI\n");
    }

    @Test
    void responseHeaders() {
        assertThat(PromptTemplate.ALPACA.responseHeader()).isEqualTo("### Response:");
        assertThat(PromptTemplate.WIZ.responseHeader()).isEqualTo("### Response:");
        assertThat(PromptTemplate.WIZ_CHERRY_V1.responseHeader()).isEqualTo("### Response:");
        assertThat(PromptTemplate.VICUNA.responseHeader()).isEqualTo("ASSISTANT:");
        assertThat(PromptTemplate.NONE.responseHeader()).isEmpty();
    }
}
