package dev.sift.core.llm.local;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.sift.core.scoring.CausalLmScorer;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A causal language model run in-process with ONNX Runtime, loaded from a Hugging Face ONNX export folder
 * ({@code model.onnx} or {@code onnx/model*.onnx}, {@code tokenizer.json}, {@code config.json}, optionally
 * {@code generation_config.json}). It scores text teacher-forced ({@link #tokenNll(int[])}) and generates
 * with a key/value cache ({@link #generate}).
 *
 * <p>Only the inputs the session lists are fed: {@code input_ids}, and where present {@code attention_mask},
 * {@code position_ids} and {@code past_key_values.N.key/value} (empty {@code [batch, kvHeads, 0, headDim]}
 * on a first pass). Logits may be fp32, fp16 or bf16. For scoring, the log-softmax over the whole vocabulary and
 * the pick of each target's loss run inside ONNX Runtime ({@link NllGraph}, in float32), so only one float per
 * token comes back to Java; generation reads the last position's logits and samples in Java. The tokenizer adds no special tokens, truncates nothing and pads nothing; callers ask for
 * the beginning-of-sequence token explicitly. Chat templates are not applied here.
 *
 * <p><b>Threading.</b> One ONNX Runtime session per instance. Every public method is synchronized, so an
 * instance may be shared between threads but runs one call at a time (ONNX Runtime already spreads one
 * call over its intra-op threads, the NLL graph included). For parallel calls open one instance per thread, at the cost of the
 * model's memory each time. All methods block; none can be cancelled midway.
 *
 * <p><b>Resources.</b> The instance owns its native sessions and tokenizer and must be closed; calls after
 * {@link #close()} throw {@link IllegalStateException}. The shared {@link OrtEnvironment} is not closed.
 * Returned arrays belong to the caller.
 *
 * <p><b>Errors.</b> {@link #open} throws {@link IOException} naming the folder and what is missing or wrong;
 * a failure inside ONNX Runtime afterwards is a {@link LocalModelException}; bad arguments (ids outside
 * the vocabulary, an empty prompt) are {@link IllegalArgumentException}s.
 */
public final class OnnxCausalLm implements CausalLmScorer, AutoCloseable {

    private static final Map<String, String> TOKENIZER_OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final ModelFolder files;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final NllGraph nllGraph;
    private final HuggingFaceTokenizer tokenizer;
    private final SessionInputs inputs;
    private boolean closed;

    private OnnxCausalLm(ModelFolder files, OrtEnvironment env, OrtSession session, NllGraph nllGraph,
            HuggingFaceTokenizer tokenizer, SessionInputs inputs) {
        this.files = files;
        this.env = env;
        this.session = session;
        this.nllGraph = nllGraph;
        this.tokenizer = tokenizer;
        this.inputs = inputs;
    }

    /** Opens the export in {@code folder} with ONNX Runtime's default thread count. */
    public static OnnxCausalLm open(Path folder) throws IOException {
        return open(folder, 0);
    }

    /**
     * Opens the export in {@code folder}; blocks while the model loads.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads, or 0 for its default (one per core)
     * @throws IOException naming the folder when a file is missing, or the model cannot be loaded or is not
     *     a causal LM export
     */
    public static OnnxCausalLm open(Path folder, int intraOpThreads) throws IOException {
        ModelFolder files = ModelFolder.read(folder);
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(files.tokenizer(), TOKENIZER_OPTIONS);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = null;
        NllGraph nllGraph = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            session = env.createSession(files.model().toString(), options);
            SessionInputs inputs = SessionInputs.of(session, files);
            nllGraph = NllGraph.open(env, options, logitsType(session, files));
            return new OnnxCausalLm(files, env, session, nllGraph, tokenizer, inputs);
        } catch (OrtException e) {
            tokenizer.close();
            closeQuietly(session, nllGraph);
            throw new IOException(folder + ": ONNX Runtime could not load " + files.model().getFileName() + ": "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            closeQuietly(session, nllGraph);
            throw e;
        }
    }

    /** Token ids of {@code text}, with the model's beginning-of-sequence id first when {@code addBos}. */
    @Override
    public synchronized int[] encode(String text, boolean addBos) {
        ensureOpen();
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int offset = addBos ? 1 : 0;
        if (addBos && files.bosTokenId() < 0) {
            throw new IllegalStateException(files.folder() + ": config.json has no bos_token_id");
        }
        int[] out = new int[ids.length + offset];
        if (addBos) {
            out[0] = files.bosTokenId();
        }
        for (int i = 0; i < ids.length; i++) {
            out[i + offset] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** The text of {@code ids}, skipping special tokens. */
    public synchronized String decode(int[] ids) {
        ensureOpen();
        return decodeForGeneration(ids);
    }

    public OptionalInt bosTokenId() {
        return files.bosTokenId() < 0 ? OptionalInt.empty() : OptionalInt.of(files.bosTokenId());
    }

    /** End-of-sequence ids from config.json and generation_config.json. */
    public Set<Integer> eosTokenIds() {
        return files.eosTokenIds();
    }

    /** Whether the export has a key/value cache; without one, generation re-runs the whole sequence. */
    public boolean hasKvCache() {
        return inputs.hasCache();
    }

    /** The model's context window, from its config. */
    @Override
    public int maxLength() {
        return files.maxPositions();
    }

    /** The export folder's name, recorded with every score it produces. */
    @Override
    public String name() {
        return String.valueOf(files.folder().getFileName());
    }

    /**
     * Teacher-forced negative log-likelihood of each token given the ones before it, in nats:
     * {@code nll[0]} is NaN and {@code nll[t] = -log_softmax(logits[t-1])[ids[t]]}. One forward pass.
     */
    @Override
    public synchronized double[] tokenNll(int[] ids) {
        return tokenNll(List.of(ids)).get(0);
    }

    /**
     * {@link #tokenNll(int[])} for several sequences in one forward pass, right-padded to the longest with
     * an attention mask. Results equal one-by-one scoring up to float rounding. Memory grows with
     * batch size × longest length × vocabulary size (the logits and their log-softmax, both inside ONNX
     * Runtime), so callers choose the batch size.
     */
    @Override
    public synchronized List<double[]> tokenNll(List<int[]> batch) {
        ensureOpen();
        List<int[]> scored = batch.stream().filter(ids -> ids.length >= 2).toList();
        List<double[]> nlls = scored.isEmpty() ? List.of() : score(scored);
        List<double[]> out = new ArrayList<>(batch.size());
        int next = 0;
        for (int[] ids : batch) {
            out.add(ids.length >= 2 ? nlls.get(next++) : ids.length == 1 ? new double[] {Double.NaN} : new double[0]);
        }
        return out;
    }

    /** The logits after the last of {@code ids}, from one full forward pass without a cache. */
    public synchronized float[] nextTokenLogits(int[] ids) {
        ensureOpen();
        if (ids.length == 0) {
            throw new IllegalArgumentException("ids must not be empty");
        }
        checkIds(ids);
        long[] positions = LmArrays.range(0, ids.length);
        try (OrtSession.Result result = run(LmArrays.toLongs(ids), LmArrays.ones(ids.length), positions, 1, null)) {
            float[] all = LmArrays.logits(result);
            int vocab = all.length / ids.length;
            return Arrays.copyOfRange(all, all.length - vocab, all.length);
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    /**
     * Continues {@code prompt} (token ids, BOS included if wanted) with the key/value cache: one pass over
     * the prompt, then one single-token pass per new token. Blocks until a stop condition is met.
     */
    public synchronized GenerationResult generate(int[] prompt, GenerationSettings settings) {
        return generate(prompt, settings, id -> { });
    }

    /**
     * {@link #generate(int[], GenerationSettings)} that hands each new token id to {@code onToken} as soon as
     * it is chosen (not stop tokens), on the calling thread while this model's lock is held, so the listener
     * may call {@link #decode} but must be fast. A listener may abort generation by throwing an unchecked
     * exception, which propagates after the native buffers are released (e.g. when the thread is interrupted).
     */
    public synchronized GenerationResult generate(int[] prompt, GenerationSettings settings, IntConsumer onToken) {
        ensureOpen();
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token (e.g. BOS)");
        }
        checkIds(prompt);
        Set<Integer> stopIds = new HashSet<>(settings.stopTokenIds());
        if (settings.stopAtEos()) {
            stopIds.addAll(files.eosTokenIds());
        }
        return new Generation(this, settings, stopIds, new Random(settings.seed()), onToken).run(prompt);
    }

    /** Closes the session and the tokenizer; later calls throw. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tokenizer.close();
            closeQuietly(session, nllGraph);
        }
    }

    private List<double[]> score(List<int[]> batch) {
        int width = batch.stream().mapToInt(ids -> ids.length).max().orElseThrow();
        int rows = batch.size();
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] positions = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] seq = batch.get(r);
            checkIds(seq);
            for (int t = 0; t < width; t++) {
                int at = r * width + t;
                ids[at] = t < seq.length ? seq[t] : 0;
                mask[at] = t < seq.length ? 1 : 0;
                positions[at] = t;
            }
        }
        try (OrtSession.Result result = run(ids, mask, positions, rows, null)) {
            return nllGraph.of((OnnxTensor) result.get(SessionInputs.LOGITS).orElseThrow(), batch, width);
        } catch (OrtException e) {
            throw failure(e);
        }
    }

    /** One forward pass; the caller closes the result, which owns the logits and present tensors. */
    OrtSession.Result run(long[] ids, long[] mask, long[] positions, int batch, Map<String, OnnxTensor> past)
            throws OrtException {
        return run(ids, mask, positions, batch, past, Set.of(SessionInputs.LOGITS));
    }

    /** One forward pass that also returns the present tensors, for the next step of generation. */
    OrtSession.Result runWithCache(long[] ids, long[] mask, long[] positions, Map<String, OnnxTensor> past)
            throws OrtException {
        Set<String> outputs = new HashSet<>(inputs.presentNames());
        outputs.add(SessionInputs.LOGITS);
        return run(ids, mask, positions, 1, past, outputs);
    }

    private OrtSession.Result run(long[] ids, long[] mask, long[] positions, int batch, Map<String, OnnxTensor> past,
            Set<String> outputs) throws OrtException {
        try (SessionInputs.Feed feed = inputs.feed(env, ids, mask, positions, batch, past)) {
            return session.run(feed.inputs, outputs);
        }
    }

    SessionInputs inputs() {
        return inputs;
    }

    String decodeForGeneration(int[] ids) {
        return tokenizer.decode(LmArrays.toLongs(ids), true);
    }

    LocalModelException failure(OrtException e) {
        return new LocalModelException(files.folder() + ": ONNX Runtime failed: " + e.getMessage(), e);
    }

    private void checkIds(int[] ids) {
        for (int id : ids) {
            if (id < 0 || (files.vocabSize() > 0 && id >= files.vocabSize())) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of "
                        + files.vocabSize());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(files.folder() + ": the model is closed");
        }
    }

    private static OnnxJavaType logitsType(OrtSession session, ModelFolder files) throws OrtException, IOException {
        if (!(session.getOutputInfo().get(SessionInputs.LOGITS).getInfo() instanceof TensorInfo info)) {
            throw new IOException(files.folder() + ": the logits output of " + files.model().getFileName()
                    + " is not a tensor");
        }
        return info.type;
    }

    private static void closeQuietly(OrtSession session, NllGraph nllGraph) {
        try {
            if (session != null) {
                session.close();
            }
            if (nllGraph != null) {
                nllGraph.close();
            }
        } catch (OrtException ignored) {
            // nothing useful to do: the sessions are being discarded
        }
    }
}
