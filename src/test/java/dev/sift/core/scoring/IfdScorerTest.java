package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IfdScorerTest {

    private static final String WIZ_500_TOKENS = "x".repeat(494);

    private static IfdOptions options(DirectMode direct, SpanMode span, int maxLength) {
        return new IfdOptions(PromptTemplate.NONE, span, direct, maxLength, OptionalInt.empty());
    }

    @Test
    void t5ScoredPositionsStartRightAfterThePrompt() {
        // NONE template: "PPPP\n" is five tokens, so ids = [BOS, p1..p5, a1, a2, a3] and s = 6.
        for (SpanMode mode : SpanMode.values()) {
            ToyScorer toy = ToyScorer.positional();
            IfdResult r = new IfdScorer(toy, options(DirectMode.RESPONSE_ONLY, mode, 64)).score("PPPP", "", "abc");
            assertThat(toy.calls.get(1)).hasSize(9);
            assertThat(r.conditionalNll()).containsExactly(6, 7, 8);
            // The reference keeps losses[i] = nll[i + 1] and slices losses[s - 1 : T - 1]: indices 5..7.
            double[] referenceLosses = java.util.Arrays.copyOfRange(toy.tokenNll(toy.calls.get(1)), 1, 9);
            assertThat(java.util.Arrays.copyOfRange(referenceLosses, 5, 8)).containsExactly(r.conditionalNll());
        }
    }

    @Test
    void t6CherryTruncationKeepsTheSameAnswerWindowInBothTexts() {
        ToyScorer toy = ToyScorer.positional("###", "Response:");
        IfdOptions cherry = options(DirectMode.CHERRY_V1, SpanMode.CONCATENATE, 512).withTemplate(PromptTemplate.WIZ);
        // WIZ: 494 x, two newlines, "###", " ", "Response:" and BOS = 500 prompt tokens; h = 3 + BOS = 4.
        IfdResult r = new IfdScorer(toy, cherry).score(WIZ_500_TOKENS, "", "y".repeat(40));
        assertThat(toy.calls.get(0)).hasSize(16);
        assertThat(toy.calls.get(1)).hasSize(512);
        assertThat(r.directNll()).hasSize(12);
        assertThat(r.conditionalNll()).hasSize(12);
        assertThat(r.skip()).isEqualTo(SkipReason.NONE);
        assertThat(r.ifdLoss()).isEqualTo(IfdMath.ifdLoss(r.conditionalLoss(), r.directLoss()));
    }

    @Test
    void t6ExplicitHeaderTokensGiveTheSameCap() {
        ToyScorer toy = ToyScorer.positional("###", "Response:");
        IfdOptions cherry = options(DirectMode.CHERRY_V1, SpanMode.REFERENCE_COMPAT, 512)
                .withTemplate(PromptTemplate.WIZ).withHeaderTokens(4);
        IfdResult r = new IfdScorer(toy, cherry).score(WIZ_500_TOKENS, "", "y".repeat(40));
        assertThat(toy.calls.get(0)).hasSize(16);
        assertThat(r.directNll()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void responseOnlyDirectTextIsCappedAtWindowMinusPromptPlusOne() {
        ToyScorer toy = ToyScorer.positional();
        IfdOptions reflection = options(DirectMode.RESPONSE_ONLY, SpanMode.CONCATENATE, 512);
        IfdResult r = new IfdScorer(toy, reflection).score("x".repeat(498), "", "y".repeat(40));
        assertThat(toy.calls.get(0)).hasSize(13).startsWith(ToyScorer.BOS);
        assertThat(r.directNll()).hasSize(12);
        assertThat(r.directNll()[0]).isEqualTo(1);
        assertThat(r.conditionalNll()).hasSize(12);
    }

    @Test
    void boundaryMergeMovesTheSpanOnlyInReferenceMode() {
        // "\nb" is one token, so "x\n" + "bc" encodes as [BOS, x, "\nb", c] but the prompt alone as [BOS, x, "\n"].
        ToyScorer compat = ToyScorer.positional("\nb");
        IfdResult reference = new IfdScorer(compat, options(DirectMode.RESPONSE_ONLY, SpanMode.REFERENCE_COMPAT, 64))
                .score("x", "", "bc");
        assertThat(compat.calls.get(1)).hasSize(4);
        assertThat(reference.conditionalNll()).containsExactly(3);

        ToyScorer robust = ToyScorer.positional("\nb");
        IfdResult concatenated = new IfdScorer(robust, options(DirectMode.RESPONSE_ONLY, SpanMode.CONCATENATE, 64))
                .score("x", "", "bc");
        assertThat(robust.calls.get(1)).containsExactly(ToyScorer.BOS, 1000 + 'x', 1000 + '\n', 1000 + 'b', 1000 + 'c');
        assertThat(concatenated.conditionalNll()).containsExactly(3, 4);
    }

    @Test
    void cherrySkipsWhenTheMergeEmptiesTheConditionalSpan() {
        ToyScorer toy = ToyScorer.positional("\nb");
        IfdResult r = new IfdScorer(toy, options(DirectMode.CHERRY_V1, SpanMode.REFERENCE_COMPAT, 64))
                .score("x", "", "b");
        assertThat(r.skip()).isEqualTo(SkipReason.EMPTY_SPAN);
        assertThat(r.conditionalNll()).isEmpty();
        assertThat(r.ifdLoss()).isNaN();
        assertThat(r.ifdPpl()).isNaN();
    }

    @Test
    void cherrySkipsWhenThePromptFillsTheWindow() {
        ToyScorer toy = ToyScorer.positional();
        IfdResult r = new IfdScorer(toy, options(DirectMode.CHERRY_V1, SpanMode.CONCATENATE, 512))
                .score("x".repeat(511), "", "answer");
        assertThat(r.skip()).isEqualTo(SkipReason.PROMPT_FILLS_WINDOW);
        assertThat(toy.calls).isEmpty();
        assertThat(r.ifdLoss()).isNaN();
    }

    @Test
    void cherrySkipsWhenTheDirectSpanOverflowsTheWindow() {
        // A header allowance larger than the header's real length lets the direct span run past the window.
        ToyScorer toy = ToyScorer.positional("###", "Response:");
        IfdOptions cherry = options(DirectMode.CHERRY_V1, SpanMode.CONCATENATE, 512)
                .withTemplate(PromptTemplate.WIZ).withHeaderTokens(6);
        IfdResult r = new IfdScorer(toy, cherry).score(WIZ_500_TOKENS, "", "y".repeat(40));
        assertThat(r.skip()).isEqualTo(SkipReason.DIRECT_OVERFLOW);
        assertThat(r.directNll()).hasSize(14);
        assertThat(r.ifdLoss()).isNaN();
        assertThat(r.directLoss()).isNotNaN();
    }

    @Test
    void emptyResponseHasNoScore() {
        for (DirectMode mode : DirectMode.values()) {
            ToyScorer toy = ToyScorer.positional();
            IfdResult r = new IfdScorer(toy, options(mode, SpanMode.CONCATENATE, 64)).score("Q", "", "");
            assertThat(r.skip()).isEqualTo(SkipReason.EMPTY_RESPONSE);
            assertThat(r.scored()).isFalse();
            assertThat(r.ifdLoss()).isNaN();
            assertThat(r.ifdPpl()).isNaN();
            assertThat(toy.calls).isEmpty();
        }
    }

    @Test
    void aNanLossInsideTheSpanMakesTheScoreNan() {
        ToyScorer toy = new ToyScorer(List.of(), (t, ids) -> t == 3 ? Double.NaN : 0.5);
        IfdResult r = new IfdScorer(toy, options(DirectMode.RESPONSE_ONLY, SpanMode.CONCATENATE, 64))
                .score("Q", "", "abc");
        assertThat(r.conditionalLoss()).isNaN();
        assertThat(r.ifdLoss()).isNaN();
        assertThat(r.ifdPpl()).isNaN();
        assertThat(IfdSelection.CHERRY_V2.kept(new double[] {r.ifdLoss()})).isEmpty();
    }

    @Test
    void resultRecordsSettingsAndScorer() {
        ToyScorer toy = new ToyScorer(List.of(), (t, ids) -> 0.5);
        IfdOptions cherry = IfdOptions.cherryV1().withMaxLength(1024);
        IfdResult r = new IfdScorer(toy, cherry).score("Q", "", "abc");
        assertThat(r.options()).isEqualTo(cherry);
        assertThat(r.scorerName()).isEqualTo("toy");
        assertThat(r.conditionalLoss()).isEqualTo(0.5);
        assertThat(r.conditionalPpl()).isEqualTo(Math.exp(0.5));
        assertThat(r.ifdLoss()).isEqualTo(1.0);
        assertThat(r.ifdPpl()).isEqualTo(1.0);
    }

    @Test
    void presetsFollowTheSpec() {
        assertThat(IfdOptions.cherryV1().maxLength()).isEqualTo(512);
        assertThat(IfdOptions.cherryV1().directMode()).isEqualTo(DirectMode.CHERRY_V1);
        assertThat(IfdOptions.superfiltering().template()).isEqualTo(PromptTemplate.NONE);
        assertThat(IfdOptions.superfiltering().maxLength()).isEqualTo(1024);
        assertThat(IfdOptions.reflection().template()).isEqualTo(PromptTemplate.VICUNA);
        assertThat(IfdOptions.reflection().directMode()).isEqualTo(DirectMode.RESPONSE_ONLY);
        assertThat(IfdOptions.reflection().spanMode()).isEqualTo(SpanMode.CONCATENATE);
    }
}
