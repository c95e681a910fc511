package dev.sift.core.llm.local;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Teacher-forced NLLs of a right-padded batch, computed inside ONNX Runtime from the logits of its forward pass.
 * A second, tiny session ({@code nll-<type>.onnx}, written by {@code bench/models/make_nll_graph.py}) takes the
 * model's logits tensor as it is, without copying it to Java, and returns {@code -log_softmax(logits)[target]}
 * (float32, log-softmax over the whole vocabulary) for each position: only {@code rows × width} floats come back
 * instead of {@code rows × width × vocab}. Not thread-safe; {@link OnnxCausalLm} serialises its calls.
 */
final class NllGraph implements AutoCloseable {

    private static final String LOGITS = "logits";
    private static final String TARGETS = "targets";
    private static final String NLL = "nll";

    private final OrtEnvironment env;
    private final OrtSession session;

    private NllGraph(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /**
     * Opens the graph for logits of {@code logitsType} with the model's session options (threads alike).
     *
     * @throws IOException when Sift has no graph for that type
     */
    static NllGraph open(OrtEnvironment env, OrtSession.SessionOptions options, OnnxJavaType logitsType)
            throws IOException, OrtException {
        String resource = switch (logitsType) {
            case FLOAT -> "nll-float32.onnx";
            case FLOAT16 -> "nll-float16.onnx";
            case BFLOAT16 -> "nll-bfloat16.onnx";
            default -> throw new IOException("logits of type " + logitsType + " cannot be scored; Sift reads"
                    + " float32, float16 and bfloat16 logits");
        };
        byte[] graph;
        try (InputStream in = NllGraph.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the resource " + resource + " is missing from Sift's jar");
            }
            graph = in.readAllBytes();
        }
        return new NllGraph(env, env.createSession(graph, options));
    }

    /**
     * {@code nll[r][0]} is NaN and {@code nll[r][t] = -log_softmax(logits[r, t-1])[batch[r][t]]}.
     *
     * @param logits the model's {@code [rows, width, vocab]} output for {@code batch}, right-padded to {@code width};
     *     it stays owned by the caller
     * @throws IllegalArgumentException when a scored token id is not below the logits' vocabulary
     */
    List<double[]> of(OnnxTensor logits, List<int[]> batch, int width) throws OrtException {
        long vocab = logits.getInfo().getShape()[2];
        int rows = batch.size();
        long[] targets = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] seq = batch.get(r);
            for (int t = 1; t < seq.length; t++) {
                if (seq[t] >= vocab) {
                    throw new IllegalArgumentException("token id " + seq[t] + " is outside the vocabulary of "
                            + vocab);
                }
                targets[r * width + t - 1] = seq[t];
            }
        }
        float[] flat;
        try (OnnxTensor targetTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(targets), new long[] {rows, width});
                OrtSession.Result result = session.run(Map.of(LOGITS, logits, TARGETS, targetTensor))) {
            FloatBuffer buffer = ((OnnxTensor) result.get(NLL).orElseThrow()).getFloatBuffer();
            flat = new float[buffer.remaining()];
            buffer.get(flat);
        }
        List<double[]> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            double[] nll = new double[batch.get(r).length];
            nll[0] = Double.NaN;
            for (int t = 1; t < nll.length; t++) {
                nll[t] = flat[r * width + t - 1];
            }
            out.add(nll);
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
