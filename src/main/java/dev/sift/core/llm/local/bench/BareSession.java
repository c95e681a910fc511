package dev.sift.core.llm.local.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's baseline: a plain ONNX Runtime session on the same model file, fed ready-made tensors
 * and asked for the logits only, which stay in the native result. No tokenizer, no checks, no copy, no
 * log-softmax: what any Java caller of ONNX Runtime pays at the least.
 *
 * <p>Feeds what the session lists: {@code input_ids}, {@code attention_mask} (all ones),
 * {@code position_ids} ({@code 0..n-1}) and empty {@code past_key_values.N.*}, as Sift does.
 */
final class BareSession implements AutoCloseable {

    private static final String LOGITS = "logits";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Map<String, NodeInfo> inputs;
    private final long kvHeads;
    private final long headDim;

    private BareSession(OrtEnvironment env, OrtSession session, long kvHeads, long headDim) throws OrtException {
        this.env = env;
        this.session = session;
        this.inputs = session.getInputInfo();
        this.kvHeads = kvHeads;
        this.headDim = headDim;
    }

    /** Opens {@code model.onnx} (or {@code onnx/model.onnx}) of {@code folder} with the given intra-op threads. */
    static BareSession open(Path folder, int intraOpThreads) throws IOException {
        Path model = folder.resolve("model.onnx");
        if (!Files.isRegularFile(model)) {
            model = folder.resolve("onnx").resolve("model.onnx");
        }
        JsonNode config = new ObjectMapper().readTree(folder.resolve("config.json").toFile());
        int heads = config.path("num_attention_heads").asInt(-1);
        long kvHeads = config.path("num_key_value_heads").asInt(heads);
        long headDim = config.path("head_dim").asInt(heads > 0 ? config.path("hidden_size").asInt(-1) / heads : -1);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            return new BareSession(env, env.createSession(model.toString(), options), kvHeads, headDim);
        } catch (OrtException e) {
            throw new IOException(folder + ": the baseline session could not load " + model.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The tensors for one run over {@code batch} (all of one length); the caller closes them. */
    Feed feed(List<int[]> batch) throws OrtException {
        int rows = batch.size();
        int width = batch.get(0).length;
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] positions = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] seq = batch.get(r);
            for (int t = 0; t < width; t++) {
                ids[r * width + t] = seq[t];
                mask[r * width + t] = 1;
                positions[r * width + t] = t;
            }
        }
        long[] shape = {rows, width};
        Feed feed = new Feed();
        try {
            for (Map.Entry<String, NodeInfo> input : inputs.entrySet()) {
                String name = input.getKey();
                TensorInfo info = (TensorInfo) input.getValue().getInfo();
                OnnxTensor tensor = switch (name) {
                    case "input_ids" -> info.type == OnnxJavaType.INT32
                            ? OnnxTensor.createTensor(env, IntBuffer.wrap(narrow(ids)), shape)
                            : OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                    case "attention_mask" -> OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                    case "position_ids" -> OnnxTensor.createTensor(env, LongBuffer.wrap(positions), shape);
                    case "use_cache_branch" -> OnnxTensor.createTensor(env, new boolean[] {false});
                    default -> emptyPast(name, info, rows);
                };
                feed.tensors.put(name, tensor);
            }
            return feed;
        } catch (OrtException | RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    /** One forward pass; the logits are left in the native result, which is closed at once. */
    void run(Feed feed) throws OrtException {
        try (OrtSession.Result result = session.run(feed.tensors, Set.of(LOGITS))) {
            if (result.size() != 1) {
                throw new IllegalStateException("expected only the logits, got " + result.size() + " outputs");
            }
        }
    }

    private OnnxTensor emptyPast(String name, TensorInfo info, int rows) throws OrtException {
        if (!name.startsWith("past_key_values.")) {
            throw new IllegalStateException("the baseline does not know how to fill input " + name);
        }
        long[] declared = info.getShape();
        long heads = declared.length == 4 && declared[1] > 0 ? declared[1] : kvHeads;
        long dim = declared.length == 4 && declared[3] > 0 ? declared[3] : headDim;
        long[] shape = {rows, heads, 0, dim};
        return info.type == OnnxJavaType.FLOAT
                ? OnnxTensor.createTensor(env, FloatBuffer.allocate(0), shape)
                : OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0), shape, info.type);
    }

    private static int[] narrow(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    /** The tensors of one run, closed together. */
    static final class Feed implements AutoCloseable {
        private final Map<String, OnnxTensor> tensors = new LinkedHashMap<>();

        @Override
        public void close() {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /** Closes all of {@code feeds}. */
    static void closeAll(List<Feed> feeds) {
        new ArrayList<>(feeds).forEach(Feed::close);
    }
}
