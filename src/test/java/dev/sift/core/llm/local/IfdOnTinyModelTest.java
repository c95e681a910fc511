package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.scoring.IfdMath;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.scoring.IfdScorer;
import java.util.Arrays;
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
}
