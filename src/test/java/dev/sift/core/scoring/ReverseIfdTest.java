package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReverseIfdTest {

    @Test
    void guessPromptWrapsTheResponseInTheNoInputTemplate() {
        ReverseIfd rifd = new ReverseIfd(ToyScorer.positional(), IfdOptions.reflection());
        assertThat(rifd.guessPrompt("R")).isEqualTo(PromptTemplate.VICUNA_SYSTEM + " USER: Below is the response to "
                + "an instruction, please guess the corresponding instruction for the given response.\nR\n"
                + "Generate the instruction for the above response. ASSISTANT:");
    }

    @Test
    void instructionAndInputAreScoredAfterTheGuessPromptAndAlone() {
        for (SpanMode mode : SpanMode.values()) {
            ToyScorer toy = ToyScorer.positional();
            IfdOptions options = IfdOptions.reflection().withSpanMode(mode).withMaxLength(4096);
            ReverseIfd rifd = new ReverseIfd(toy, options);
            int guessTokens = rifd.guessPrompt("R").length() + 1;
            ReverseIfdResult r = rifd.score("Q", "I", "R");
            assertThat(r.directNll()).containsExactly(1, 2);
            assertThat(r.conditionalNll()).containsExactly(guessTokens, guessTokens + 1);
            assertThat(r.rifdLoss()).isEqualTo((guessTokens + 0.5) / 1.5);
            assertThat(r.rifdPpl()).isEqualTo(Math.exp(guessTokens + 0.5 - 1.5), org.assertj.core.api.Assertions
                    .within(1e-9));
        }
    }

    @Test
    void directTextIsCappedAtWindowMinusGuessPromptPlusOne() {
        ToyScorer toy = ToyScorer.positional();
        ReverseIfd rifd = new ReverseIfd(toy, IfdOptions.reflection().withMaxLength(2048));
        int guessTokens = rifd.guessPrompt("R").length() + 1;
        rifd.score("Q".repeat(3000), "", "R");
        assertThat(toy.calls.get(0)).hasSize(2048 - guessTokens + 1);
        assertThat(toy.calls.get(1)).hasSize(2048);
    }

    @Test
    void emptyResponseGivesNan() {
        ToyScorer toy = ToyScorer.positional();
        ReverseIfdResult r = new ReverseIfd(toy, IfdOptions.reflection()).score("Q", "", "");
        assertThat(r.skip()).isEqualTo(SkipReason.EMPTY_RESPONSE);
        assertThat(r.rifdLoss()).isNaN();
        assertThat(r.rifdPpl()).isNaN();
        assertThat(toy.calls).isEmpty();
    }
}
