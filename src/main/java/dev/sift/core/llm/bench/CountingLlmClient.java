package dev.sift.core.llm.bench;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the attempts that reach the endpoint's own client and those that fail, so that a retry the
 * engine hides still shows in the benchmark. Thread-safe; adds two atomic updates per attempt.
 */
final class CountingLlmClient implements LlmClient {

    private final LlmClient delegate;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    CountingLlmClient(LlmClient delegate) {
        this.delegate = delegate;
    }

    int attempts() {
        return attempts.get();
    }

    int failures() {
        return failures.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    private <T> T count(Attempt<T> attempt) throws LlmException {
        attempts.incrementAndGet();
        try {
            return attempt.run();
        } catch (LlmException | RuntimeException e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws LlmException;
    }

    @Override
    public List<String> models() throws LlmException {
        return count(delegate::models);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return count(() -> delegate.chat(request));
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return count(() -> delegate.stream(request, listener));
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return count(() -> delegate.score(request));
    }
}
