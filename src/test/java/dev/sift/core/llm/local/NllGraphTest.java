package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class NllGraphTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @ParameterizedTest
    @EnumSource(value = OnnxJavaType.class, names = {"FLOAT", "FLOAT16", "BFLOAT16"})
    void matchesALogSoftmaxInDoubleForEveryLogitsType(OnnxJavaType type) throws Exception {
        int width = 5;
        int vocab = 300;
        List<int[]> batch = List.of(new int[] {1, 7, 299, 0, 42}, new int[] {1, 250}, new int[] {3, 3, 3});
        float[] logits = randomLogits(batch.size() * width * vocab, type);
        try (NllGraph graph = open(type);
                OnnxTensor tensor = tensor(logits, new long[] {batch.size(), width, vocab}, type)) {
            List<double[]> nlls = graph.of(tensor, batch, width);
            for (int r = 0; r < batch.size(); r++) {
                int[] seq = batch.get(r);
                assertThat(nlls.get(r)).hasSize(seq.length);
                assertThat(nlls.get(r)[0]).isNaN();
                for (int t = 1; t < seq.length; t++) {
                    double expected = -TokenSampler.logProb(logits, (r * width + t - 1) * vocab, vocab, seq[t]);
                    assertThat(nlls.get(r)[t]).as("row %d token %d", r, t).isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    @Test
    void aTargetOutsideTheLogitsVocabularyIsAnIllegalArgument() throws Exception {
        try (NllGraph graph = open(OnnxJavaType.FLOAT);
                OnnxTensor tensor = tensor(new float[2 * 4], new long[] {1, 2, 4}, OnnxJavaType.FLOAT)) {
            assertThatThrownBy(() -> graph.of(tensor, List.of(new int[] {0, 4}), 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token id 4 is outside the vocabulary of 4");
        }
    }

    @Test
    void logitsOfAnotherTypeCannotBeScored() {
        assertThatThrownBy(() -> open(OnnxJavaType.INT64))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("INT64");
    }

    private static NllGraph open(OnnxJavaType type) throws IOException, OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            return NllGraph.open(ENV, options, type);
        }
    }

    /** Random logits, rounded to what {@code type} holds so that the double reference sees the same values. */
    private static float[] randomLogits(int n, OnnxJavaType type) {
        Random random = new Random(11);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float value = (float) (random.nextGaussian() * 4);
            out[i] = switch (type) {
                case FLOAT16 -> Fp16Conversions.fp16ToFloat(Fp16Conversions.floatToFp16(value));
                case BFLOAT16 -> Fp16Conversions.bf16ToFloat(Fp16Conversions.floatToBf16(value));
                default -> value;
            };
        }
        return out;
    }

    private static OnnxTensor tensor(float[] values, long[] shape, OnnxJavaType type) throws OrtException {
        if (type == OnnxJavaType.FLOAT) {
            return OnnxTensor.createTensor(ENV, FloatBuffer.wrap(values), shape);
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect(values.length * 2).order(ByteOrder.nativeOrder());
        for (float value : values) {
            bytes.putShort(type == OnnxJavaType.FLOAT16 ? Fp16Conversions.floatToFp16(value)
                    : Fp16Conversions.floatToBf16(value));
        }
        bytes.rewind();
        return OnnxTensor.createTensor(ENV, bytes, shape, type);
    }
}
