package dev.sift.core.llm.cache;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A test double of {@link LlmClient}: answers from a script and counts the calls it receives. */
public final class ScriptedLlmClient implements LlmClient {

    /** Answers call number {@code n} (1-based). */
    @FunctionalInterface
    public interface Script {
        ChatResponse answer(int n, ChatRequest request) throws LlmException;
    }

    private final Script script;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    public ScriptedLlmClient(Script script) {
        this.script = script;
    }

    /** A client that answers every request with {@link #echo}. */
    public static ScriptedLlmClient echoing() {
        return new ScriptedLlmClient((n, request) -> echo(request));
    }

    /** "answer to: " + the last message, with usage 10 in / 5 out. */
    public static ChatResponse echo(ChatRequest request) {
        String last = request.messages().get(request.messages().size() - 1).content();
        return new ChatResponse(request.model(), List.of(new Choice("answer to: " + last, "stop", List.of())),
                new Usage(10, 5));
    }

    public int calls() {
        return calls.get();
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public List<String> models() {
        return List.of("test-model");
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        requests.add(request);
        return script.answer(calls.incrementAndGet(), request);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        ChatResponse response = chat(request);
        listener.onDelta(0, response.text());
        return response;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        throw new LlmException(LlmException.Kind.UNSUPPORTED, "the scripted client cannot score");
    }
}
