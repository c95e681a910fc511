package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.scoring.IfdMath;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.scoring.SpanMode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IFD computed with the in-process model as the scorer, checked against the model's own token NLLs. */
class IfdOnTinyModelTest {

    private static OnnxCausalLm model;

    @BeforeAll
    static void open() throws Exception {
        model = OnnxCausalLm.open(TinyModel.folder());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theModelReportsItsWindowAndName() {
        assertThat(model.maxLength()).isEqualTo(64);
        assertThat(model.name()).isEqualTo("tiny");
    }

    @Test
    void superfilteringIfdOnTheTinyModelUsesTheModelsNllsOfTheAnswerTokens() {
        IfdOptions options = IfdOptions.superfiltering().withMaxLength(model.maxLength());
        String instruction = "the cat";
        String answer = "is very big .";

        IfdResult result = new IfdScorer(model, options).score(instruction, "", answer);

        assertThat(result.scored()).isTrue();
        assertThat(result.scorerName()).isEqualTo("tiny");
        // conditional span: the answer's tokens after the "none" template prompt, as the model scores them
        int[] prompt = model.encode(options.template().format(instruction, ""), true);
        int[] answerIds = model.encode(answer, false);
        int[] whole = IntStream.concat(Arrays.stream(prompt), Arrays.stream(answerIds)).toArray();
        double[] nll = model.tokenNll(whole);
        double[] expected = Arrays.copyOfRange(nll, prompt.length, whole.length);
        assertThat(result.conditionalNll()).hasSize(answerIds.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(result.conditionalNll()[i]).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(result.ifdLoss()).isCloseTo(IfdMath.ifdLoss(IfdMath.meanNll(result.conditionalNll()),
                IfdMath.meanNll(result.directNll())), within(1e-12));
        assertThat(result.ifdLoss()).isFinite().isPositive();
    }

    private static final String[][] SAMPLES = {
        {"the cat sat", "", "the cat sat on the mat ."},
        {"the dog ran", "over the hill", "the dog ran over the hill and sat ."},
        {"they like fish", "", ""},
        {"the sun shines every day and the moon shines at night", "we see the new moon at night",
            "the big sun shines on the green tree every morning and the happy cat ran over the hill to the house ."},
        {"a bird", "", "flew ."},
    };

    @Test
    void batchedScoringEqualsOneByOneScoringInEveryMode() {
        List<IfdOptions> modes = List.of(
                IfdOptions.superfiltering().withMaxLength(64),
                IfdOptions.cherryV1().withTemplate(PromptTemplate.WIZ).withMaxLength(64),
                IfdOptions.cherryV1().withMaxLength(24), // prompts that fill the window, truncated spans
                IfdOptions.reflection().withSpanMode(SpanMode.REFERENCE_COMPAT).withMaxLength(40));
        for (IfdOptions options : modes) {
            IfdScorer scorer = new IfdScorer(model, options);
            List<IfdResult> batched = scorer.score(Arrays.stream(SAMPLES)
                    .map(s -> scorer.prepare(s[0], s[1], s[2])).toList());
            assertThat(batched).hasSize(SAMPLES.length);
            for (int i = 0; i < SAMPLES.length; i++) {
                IfdResult single = scorer.score(SAMPLES[i][0], SAMPLES[i][1], SAMPLES[i][2]);
                IfdResult together = batched.get(i);
                String what = options + " sample " + i;
                assertThat(together.skip()).as(what).isEqualTo(single.skip());
                assertClose(together.conditionalNll(), single.conditionalNll(), what);
                assertClose(together.directNll(), single.directNll(), what);
                if (single.scored()) {
                    assertThat(together.ifdLoss()).as(what).isCloseTo(single.ifdLoss(), within(1e-5));
                }
            }
        }
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSize(expected.length);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("%s token %d", what, t).isCloseTo(expected[t], within(1e-5));
        }
    }
}
