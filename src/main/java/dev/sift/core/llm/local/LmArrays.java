package dev.sift.core.llm.local;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;

/** Small array conversions between Java ids and the tensors of one forward pass. */
final class LmArrays {

    private LmArrays() {}

    static float[] logits(OrtSession.Result result) {
        OnnxTensor tensor = (OnnxTensor) result.get(SessionInputs.LOGITS).orElseThrow();
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer == null) {
            throw new LocalModelException("logits of type " + tensor.getInfo().type + " are not supported", null);
        }
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    static long[] ones(int n) {
        long[] out = new long[n];
        Arrays.fill(out, 1);
        return out;
    }

    static long[] range(int from, int to) {
        long[] out = new long[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    static long[] toLongs(int[] ids) {
        return Arrays.stream(ids).asLongStream().toArray();
    }
}
