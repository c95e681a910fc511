package dev.sift.core.llm.local;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a causal LM session expects as input, read once from the session: which of the Hugging Face
 * inputs it lists, the id type, and the layout of its key/value cache. Builds the tensors for one run
 * and feeds only the inputs the session lists.
 */
final class SessionInputs {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String POSITION_IDS = "position_ids";
    static final String USE_CACHE_BRANCH = "use_cache_branch";
    static final String LOGITS = "logits";
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");

    private final Set<String> names;
    private final OnnxJavaType idsType;
    /** past input name → present output name, in layer order. */
    private final Map<String, String> presentFor;
    private final OnnxJavaType kvType;
    private final long kvHeads;
    private final long headDim;

    private SessionInputs(Set<String> names, OnnxJavaType idsType, Map<String, String> presentFor,
            OnnxJavaType kvType, long kvHeads, long headDim) {
        this.names = names;
        this.idsType = idsType;
        this.presentFor = presentFor;
        this.kvType = kvType;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
    }

    static SessionInputs of(OrtSession session, ModelFolder folder) throws OrtException, IOException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Set<String> outputs = session.getOutputNames();
        String where = folder.folder() + ": " + folder.model().getFileName();
        if (!inputs.containsKey(INPUT_IDS) || !outputs.contains(LOGITS)) {
            throw new IOException(where + " is not a causal LM export: it needs an input_ids input and a logits"
                    + " output; inputs are " + inputs.keySet() + ", outputs " + outputs);
        }
        Map<String, String> presentFor = new TreeMap<>(SessionInputs::byLayer);
        TensorInfo firstPast = null;
        for (Map.Entry<String, NodeInfo> input : inputs.entrySet()) {
            String name = input.getKey();
            Matcher past = PAST.matcher(name);
            if (past.matches()) {
                String present = "present." + past.group(1) + "." + past.group(2);
                if (!outputs.contains(present)) {
                    throw new IOException(where + " has input " + name + " but no output " + present);
                }
                presentFor.put(name, present);
                firstPast = firstPast == null ? (TensorInfo) input.getValue().getInfo() : firstPast;
            } else if (!Set.of(INPUT_IDS, ATTENTION_MASK, POSITION_IDS, USE_CACHE_BRANCH).contains(name)) {
                throw new IOException(where + " needs input " + name + ", which Sift does not know how to fill");
            }
        }
        OnnxJavaType idsType = ((TensorInfo) inputs.get(INPUT_IDS).getInfo()).type;
        if (firstPast == null) {
            return new SessionInputs(inputs.keySet(), idsType, Map.of(), OnnxJavaType.FLOAT, 0, 0);
        }
        long[] shape = firstPast.getShape();
        long kvHeads = shape.length == 4 && shape[1] > 0 ? shape[1] : folder.kvHeads();
        long headDim = shape.length == 4 && shape[3] > 0 ? shape[3] : folder.headDim();
        if (kvHeads <= 0 || headDim <= 0) {
            throw new IOException(where + " has a key/value cache, but neither its input shapes nor config.json"
                    + " give num_key_value_heads and head_dim");
        }
        return new SessionInputs(inputs.keySet(), idsType, presentFor, firstPast.type, kvHeads, headDim);
    }

    Collection<String> presentNames() {
        return presentFor.values();
    }

    boolean hasCache() {
        return !presentFor.isEmpty();
    }

    /**
     * The tensors for one run. {@code past} holds the previous run's present tensors under the past input
     * names (they stay owned by that run's result); when it is null and the export has a cache, empty past
     * tensors {@code [batch, kvHeads, 0, headDim]} are made.
     */
    Feed feed(OrtEnvironment env, long[] ids, long[] mask, long[] positions, int batch, Map<String, OnnxTensor> past)
            throws OrtException {
        Feed feed = new Feed();
        try {
            int seq = ids.length / batch;
            long[] shape = {batch, seq};
            feed.own(INPUT_IDS, idsTensor(env, ids, shape));
            if (names.contains(ATTENTION_MASK)) {
                feed.own(ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(mask),
                        new long[] {batch, mask.length / batch}));
            }
            if (names.contains(POSITION_IDS)) {
                feed.own(POSITION_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(positions), shape));
            }
            if (names.contains(USE_CACHE_BRANCH)) {
                feed.own(USE_CACHE_BRANCH, OnnxTensor.createTensor(env, new boolean[] {past != null}));
            }
            for (String name : presentFor.keySet()) {
                if (past != null) {
                    feed.inputs.put(name, past.get(name));
                } else {
                    feed.own(name, emptyPast(env, batch));
                }
            }
            return feed;
        } catch (OrtException | RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    /** The present tensors of {@code result} under the past input names of the next run. */
    Map<String, OnnxTensor> presentAsPast(OrtSession.Result result) {
        Map<String, OnnxTensor> past = new LinkedHashMap<>();
        presentFor.forEach((pastName, presentName) -> {
            OnnxValue value = result.get(presentName).orElseThrow();
            past.put(pastName, (OnnxTensor) value);
        });
        return past;
    }

    private OnnxTensor idsTensor(OrtEnvironment env, long[] ids, long[] shape) throws OrtException {
        if (idsType == OnnxJavaType.INT32) {
            int[] narrow = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                narrow[i] = Math.toIntExact(ids[i]);
            }
            return OnnxTensor.createTensor(env, IntBuffer.wrap(narrow), shape);
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
    }

    private OnnxTensor emptyPast(OrtEnvironment env, int batch) throws OrtException {
        long[] shape = {batch, kvHeads, 0, headDim};
        if (kvType == OnnxJavaType.FLOAT) {
            return OnnxTensor.createTensor(env, FloatBuffer.allocate(0), shape);
        }
        return OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0), shape, kvType);
    }

    private static int byLayer(String a, String b) {
        Matcher ma = PAST.matcher(a);
        Matcher mb = PAST.matcher(b);
        ma.matches();
        mb.matches();
        int layer = Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
        return layer != 0 ? layer : ma.group(2).compareTo(mb.group(2));
    }

    /** The inputs of one run; closes the tensors it made, not the borrowed past tensors. */
    static final class Feed implements AutoCloseable {
        final Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        private final List<OnnxTensor> owned = new ArrayList<>();

        private void own(String name, OnnxTensor tensor) {
            owned.add(tensor);
            inputs.put(name, tensor);
        }

        @Override
        public void close() {
            owned.forEach(OnnxTensor::close);
        }
    }
}
