package dev.sift.core.llm.local;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.Usage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * An {@link LlmClient} over a model run in-process ({@link OnnxCausalLm}), so recipes can generate and
 * score offline. It serves one model, named after its folder.
 *
 * <p><b>Chat.</b> The messages are rendered with a {@link ChatTemplate}: the endpoint's chosen one, else the
 * one detected from the folder. A name after an {@code @} in the request's model
 * ({@code "Qwen2.5-0.5B-Instruct@chatml"}, {@code "tiny@plain"}) overrides both for that request (kept for
 * compatibility); without any the call fails PERMANENT with a message listing the choices.
 * Decoding is greedy unless the request sets a temperature above 0, a top-p or a seed, which sample (at
 * temperature 1 when none is given); without a seed every call draws a fresh one. Choice {@code i} of
 * {@code n} uses seed + i. {@code max_tokens} defaults to {@value #DEFAULT_MAX_TOKENS} and is capped by the
 * room left in the context window; stop strings cut the text. Log-probs are those of the generated tokens;
 * top alternatives and {@code response_format} are not supported and are ignored.
 *
 * <p><b>Score.</b> {@code encode(prompt, with BOS when the model has one) ++ encode(continuation)} is scored
 * teacher-forced in one forward pass; no template is applied.
 *
 * <p><b>Threading.</b> Thread-safe: the model's methods are synchronized, so calls run one at a time (an
 * endpoint concurrency of 1 is the honest setting). Every call blocks. An interrupted thread stops
 * generation between tokens (a forward pass itself cannot be stopped) with a TRANSIENT
 * {@link LlmException}, leaving the interrupt flag set. Failures inside ONNX Runtime are PERMANENT.
 *
 * <p><b>Resources.</b> The client owns the model: {@link #close()} closes it.
 */
public final class LocalLlmClient implements LlmClient, AutoCloseable {

    static final int DEFAULT_MAX_TOKENS = 512;

    private final OnnxCausalLm lm;
    private final Optional<ChatTemplate> template;

    /** A client over {@code lm} using {@code template} when the request names none. */
    public LocalLlmClient(OnnxCausalLm lm, Optional<ChatTemplate> template) {
        this.lm = lm;
        this.template = template;
    }

    /**
     * Opens the export in {@code folder} and detects its chat template; blocks while the model loads.
     *
     * @throws IOException naming the folder when the model cannot be loaded
     */
    public static LocalLlmClient open(Path folder) throws IOException {
        return open(folder, Optional.empty());
    }

    /**
     * Opens the export in {@code folder} with the endpoint's chosen template, which wins over what the
     * folder's files say; with none chosen the template is detected. Blocks while the model loads.
     *
     * @throws IOException naming the folder when the model cannot be loaded
     */
    public static LocalLlmClient open(Path folder, Optional<ChatTemplate> chosen) throws IOException {
        Optional<ChatTemplate> template = chosen.isPresent() ? chosen : ChatTemplates.detect(folder);
        return new LocalLlmClient(OnnxCausalLm.open(folder), template);
    }

    /** The template used when a request names none. */
    public Optional<ChatTemplate> defaultTemplate() {
        return template;
    }

    @Override
    public List<String> models() {
        return List.of(lm.name());
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return generate(request, null);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return generate(request, listener);
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        checkInterrupted();
        int[] prompt = encode(request.prompt(), lm.bosTokenId().isPresent());
        int[] continuation = encode(request.continuation(), false);
        if (continuation.length == 0) {
            return new ScoreResult(lm.name(), List.of(), prompt.length);
        }
        if (prompt.length == 0) {
            throw failure("cannot score a continuation without a prompt: the model has no BOS token", null);
        }
        int[] ids = Arrays.copyOf(prompt, prompt.length + continuation.length);
        System.arraycopy(continuation, 0, ids, prompt.length, continuation.length);
        if (ids.length > lm.maxLength()) {
            throw failure(ids.length + " tokens do not fit the context window of " + lm.maxLength(), null);
        }
        double[] nll;
        try {
            nll = lm.tokenNll(ids);
        } catch (RuntimeException e) {
            throw failure(e.getMessage(), e);
        }
        checkInterrupted();
        List<TokenLogprob> tokens = new ArrayList<>(continuation.length);
        for (int k = 0; k < continuation.length; k++) {
            tokens.add(new TokenLogprob(tokenText(continuation[k]), -nll[prompt.length + k], List.of()));
        }
        return new ScoreResult(lm.name(), tokens, prompt.length);
    }

    /** Closes the model; later calls fail PERMANENT. */
    @Override
    public void close() {
        lm.close();
    }

    private ChatResponse generate(ChatRequest request, StreamListener listener) throws LlmException {
        checkInterrupted();
        ChatTemplate chosen = templateFor(request.model());
        String text = chosen.render(request.messages(), true);
        int[] prompt = encode(text, chosen.prependsBosId() && lm.bosTokenId().isPresent());
        if (prompt.length == 0) {
            throw failure("the rendered prompt is empty and the model has no BOS token", null);
        }
        int room = lm.maxLength() - prompt.length;
        if (room < 1) {
            throw failure("a prompt of " + prompt.length + " tokens fills the context window of " + lm.maxLength(),
                    null);
        }
        ChatParameters p = request.parameters();
        int max = Math.max(1, Math.min(p.maxTokens().orElse(DEFAULT_MAX_TOKENS), room));
        long seed = p.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        List<Choice> choices = new ArrayList<>(p.n());
        long completion = 0;
        for (int i = 0; i < p.n(); i++) {
            StreamedText deltas = listener == null ? null : new StreamedText(lm, i, listener, p.stop());
            GenerationResult result = run(prompt, settings(p, max, seed + i), deltas);
            if (deltas != null) {
                deltas.finish(result.text());
            }
            completion += result.tokenIds().length;
            String finish = result.stopReason() == StopReason.MAX_TOKENS ? "length" : "stop";
            choices.add(new Choice(result.text(), finish, p.logprobs() ? logprobs(result) : List.of()));
        }
        return new ChatResponse(lm.name(), choices, new Usage(prompt.length, completion));
    }

    private GenerationResult run(int[] prompt, GenerationSettings settings, StreamedText deltas) throws LlmException {
        IntConsumer onToken = id -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new Interrupted();
            }
            if (deltas != null) {
                deltas.add(id);
            }
        };
        try {
            return lm.generate(prompt, settings, onToken);
        } catch (Interrupted e) {
            throw interrupted();
        } catch (RuntimeException e) {
            throw failure(e.getMessage(), e);
        }
    }

    private GenerationSettings settings(ChatParameters p, int max, long seed) throws LlmException {
        boolean sample = p.temperature().isPresent()
                ? p.temperature().getAsDouble() > 0
                : p.topP().isPresent() || p.seed().isPresent();
        try {
            GenerationSettings settings = sample
                    ? GenerationSettings.sampling(max, p.temperature().orElse(1.0), p.topP().orElse(1.0), seed)
                    : GenerationSettings.greedy(max);
            return settings.withStopStrings(p.stop().toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), e);
        }
    }

    private ChatTemplate templateFor(String model) throws LlmException {
        int at = model.lastIndexOf('@');
        if (at >= 0) {
            String name = model.substring(at + 1);
            return ChatTemplate.byName(name).orElseThrow(() -> failure("unknown chat template '" + name
                    + "'; choose one of " + ChatTemplate.names(), null));
        }
        return template.orElseThrow(() -> failure("cannot tell the model's chat template from its"
                + " tokenizer_config.json; choose one in the endpoint's chat template setting, or name one after"
                + " an @ in the model, e.g. '" + lm.name() + "@chatml' (" + ChatTemplate.names() + ")", null));
    }

    private List<TokenLogprob> logprobs(GenerationResult result) {
        int[] ids = result.tokenIds();
        double[] logProbs = result.logProbs();
        List<TokenLogprob> out = new ArrayList<>(ids.length);
        for (int k = 0; k < ids.length; k++) {
            out.add(new TokenLogprob(tokenText(ids[k]), logProbs[k], List.of()));
        }
        return out;
    }

    private String tokenText(int id) {
        return lm.decode(new int[] {id});
    }

    private int[] encode(String text, boolean addBos) throws LlmException {
        try {
            return lm.encode(text, addBos);
        } catch (RuntimeException e) {
            throw failure(e.getMessage(), e);
        }
    }

    private LlmException failure(String message, Throwable cause) {
        return new LlmException(LlmException.Kind.PERMANENT, lm.name() + ": " + message, 0, null, cause);
    }

    private LlmException interrupted() {
        return new LlmException(LlmException.Kind.TRANSIENT, lm.name() + ": interrupted", 0, null,
                new InterruptedException());
    }

    private void checkInterrupted() throws LlmException {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted();
        }
    }

    /** Thrown from the token listener to stop generation; never leaves this class. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }
}
