package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of {@link LlmClient}: fails with the scripted exceptions in order, then answers; counts
 * calls and the most calls it saw at once; can hold each call for a while to create overlap.
 */
final class ScriptedClient implements LlmClient {

    private final Deque<LlmException> failures = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile Usage usage = new Usage(10, 5);
    volatile long holdMillis;
    volatile String answer = "ok";
    volatile boolean textBeforeFailing;

    static ChatRequest request(String prompt) {
        return new ChatRequest("m", List.of(new Message(Message.USER, prompt)), ChatParameters.defaults());
    }

    static LlmException transientFailure(String message) {
        return new LlmException(LlmException.Kind.TRANSIENT, message, 503, null, null);
    }

    synchronized ScriptedClient failing(int times, LlmException failure) {
        for (int i = 0; i < times; i++) {
            failures.add(failure);
        }
        return this;
    }

    private synchronized LlmException nextFailure() {
        return failures.poll();
    }

    private <T> T answer(T result) throws LlmException {
        calls.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (holdMillis > 0) {
                Thread.sleep(holdMillis);
            }
            LlmException failure = nextFailure();
            if (failure != null) {
                throw failure;
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TRANSIENT, "interrupted", 0, null, e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ChatResponse response() {
        return new ChatResponse("m", List.of(new Choice(answer, "stop", List.of())), usage);
    }

    @Override
    public List<String> models() throws LlmException {
        return answer(List.of("m"));
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return answer(response());
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        if (textBeforeFailing) {
            listener.onDelta(0, "partial ");
        }
        ChatResponse response = answer(response());
        listener.onDelta(0, answer);
        return response;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return answer(new ScoreResult("m", List.of(), 7));
    }

    /** One id per character of the text. */
    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return answer(new Tokenization(text.chars().toArray(), OptionalInt.of(4096)));
    }

    /** -1 for every token after the first. */
    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return answer(prompts.stream().map(ids -> {
            double[] logprobs = new double[ids.length];
            java.util.Arrays.fill(logprobs, -1.0);
            logprobs[0] = Double.NaN;
            return logprobs;
        }).toList());
    }
}
