package dev.sift.core.llm;

import dev.sift.core.scoring.CausalLmScorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A {@link CausalLmScorer} served by a model server (vLLM) through an {@link LlmClient}: the server's
 * tokenizer encodes ({@link LlmClient#tokenize}, with {@code add_special_tokens} set to {@code addBos}),
 * and teacher-forced prompt log-probs of the token ids give the losses ({@link LlmClient#promptLogprobs},
 * negated). IFD computed through it is the same as with the model in process, given the same weights.
 *
 * <p>{@link #maxLength()} is the server's {@code max_model_len} less one, because every request generates
 * one token; it is asked for once, with the first call that needs it. Recent encodings are remembered
 * (IFD encodes each prompt and the template's header more than once). {@link #tokenNll(List)} sends the
 * whole batch as one request.
 *
 * <p>It lives beside {@link LlmClient} rather than in {@code core.scoring}, as the in-process model does in
 * {@code core.llm.local}: model implementations depend on scoring's interface, never the other way round.
 *
 * <p>Thread-safe when the client is. Failures are unchecked, as the interface asks: an
 * {@link IllegalStateException} with the client's message (which names the endpoint, never a key) and the
 * {@link LlmException} as its cause.
 */
public final class EndpointScorer implements CausalLmScorer {

    private static final int REMEMBERED_ENCODINGS = 256;

    private final LlmClient client;
    private final String endpointName;
    private final String model;
    private final Map<Key, int[]> encodings = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, int[]> eldest) {
            return size() > REMEMBERED_ENCODINGS;
        }
    };
    private volatile OptionalInt maxModelLength;

    private record Key(String text, boolean addBos) {}

    /**
     * @param client the endpoint's client, usually with retries and rate limits around it
     * @param endpointName the endpoint's name, for {@link #name()}
     * @param model the model id the server serves
     */
    public EndpointScorer(LlmClient client, String endpointName, String model) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpointName = Objects.requireNonNull(endpointName, "endpointName");
        this.model = Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("the model id is empty");
        }
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        Key key = new Key(text, addBos);
        synchronized (encodings) {
            int[] known = encodings.get(key);
            if (known != null) {
                return known.clone();
            }
        }
        Tokenization tokens = tokenize(text, addBos);
        int[] ids = tokens.ids();
        synchronized (encodings) {
            encodings.put(key, ids.clone());
        }
        return ids;
    }

    @Override
    public double[] tokenNll(int[] ids) {
        return tokenNll(List.of(ids)).get(0);
    }

    /** All sequences of the batch in one request; empty ones get empty losses without being sent. */
    @Override
    public List<double[]> tokenNll(List<int[]> batch) {
        List<int[]> sent = new ArrayList<>();
        for (int[] ids : batch) {
            if (ids.length > 0) {
                sent.add(ids);
            }
        }
        List<double[]> logprobs;
        try {
            logprobs = sent.isEmpty() ? List.of() : client.promptLogprobs(model, sent);
        } catch (LlmException e) {
            throw unchecked(e);
        }
        if (logprobs.size() != sent.size()) {
            throw new IllegalStateException(name() + ": the server answered " + logprobs.size() + " of "
                    + sent.size() + " sequences");
        }
        List<double[]> result = new ArrayList<>(batch.size());
        int next = 0;
        for (int[] ids : batch) {
            result.add(ids.length == 0 ? new double[0] : negated(logprobs.get(next++), ids.length));
        }
        return result;
    }

    private double[] negated(double[] logprobs, int length) {
        if (logprobs.length != length) {
            throw new IllegalStateException(name() + ": the server answered " + logprobs.length
                    + " log-probs for " + length + " tokens");
        }
        double[] nll = new double[length];
        nll[0] = Double.NaN;
        for (int t = 1; t < length; t++) {
            nll[t] = -logprobs[t];
        }
        return nll;
    }

    /** The server's window less the one token each request generates; unlimited when it reports none. */
    @Override
    public int maxLength() {
        OptionalInt known = maxModelLength;
        if (known == null) {
            known = tokenize("", false).maxModelLength();
        }
        return known.isPresent() ? Math.max(1, known.getAsInt() - 1) : Integer.MAX_VALUE;
    }

    @Override
    public String name() {
        return "endpoint " + endpointName + "/" + model;
    }

    private Tokenization tokenize(String text, boolean addBos) {
        try {
            Tokenization tokens = client.tokenize(model, text, addBos);
            if (maxModelLength == null || tokens.maxModelLength().isPresent()) {
                maxModelLength = tokens.maxModelLength();
            }
            return tokens;
        } catch (LlmException e) {
            throw unchecked(e);
        }
    }

    private static IllegalStateException unchecked(LlmException e) {
        return new IllegalStateException(e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "EndpointScorer[" + name() + "]";
    }
}
