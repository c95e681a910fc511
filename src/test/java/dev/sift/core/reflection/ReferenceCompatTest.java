package dev.sift.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.local.OnnxCausalLm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference's character trimming of long samples, with the tiny model's word-level tokenizer. */
class ReferenceCompatTest {

    @Test
    void theOutputLosesOneCharacterPerTokenTooMany() throws Exception {
        Path folder = Path.of(getClass().getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI()).getParent();
        try (OnnxCausalLm lm = OnnxCausalLm.open(folder)) {
            String instruction = "see the big dog";
            String output = "the cat sat on the mat";
            int tokens = lm.encode(instruction + output, true).length;

            assertThat(ReferenceCompat.trimOutput(lm, instruction, "", output, tokens)).isEqualTo(output);
            assertThat(ReferenceCompat.trimOutput(lm, instruction, "", output, tokens - 3))
                    .as("three tokens too many: three characters off").isEqualTo("the cat sat on the ");
            assertThat(ReferenceCompat.trimOutput(lm, instruction, "", output, 1)).as("the parts are joined with no "
                    + "separator, as the reference joins them").hasSize(output.length() - (tokens - 1));
            assertThat(ReferenceCompat.trimOutput(lm, instruction, "", output, -100)).isEmpty();
        }
    }
}
