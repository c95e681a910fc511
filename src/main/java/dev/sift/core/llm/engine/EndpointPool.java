package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.model.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several endpoints serving the same model, used together so that many servers scale out. Each call
 * goes to the least-loaded healthy member: the fewest calls in flight relative to its
 * {@link Endpoint#maxConcurrency()}, ties taken in turn; members whose circuit is open are skipped.
 * When a member refuses because its circuit opened meanwhile, the call moves on to the next one. When
 * every circuit is open the call fails with a REFUSED {@link CircuitOpenException}.
 *
 * <p>Threading: thread-safe; the choice is made under a short lock, the call outside it. Blocking: as
 * long as the chosen member's client.
 */
public final class EndpointPool implements LlmClient {

    /**
     * One endpoint of the pool.
     *
     * @param client the endpoint's own client, usually already wrapped in its breaker and rate limiter
     * @param breaker the endpoint's breaker, read to skip open members
     */
    public record Member(Endpoint endpoint, LlmClient client, CircuitBreaker breaker) {
        public Member {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(breaker, "breaker");
        }
    }

    /** What a member is doing now, for a status display. */
    public record MemberStatus(String endpoint, CircuitBreaker.State state, int inFlight, int maxConcurrency) {}

    @FunctionalInterface
    private interface Routed<T> {
        T call(LlmClient client) throws LlmException;
    }

    private final String name;
    private final List<Member> members;
    private final int[] inFlight;
    private int nextTie;

    /**
     * @param name the pool's name for messages (the endpoints' group, or the single endpoint's name)
     * @param members at least one
     */
    public EndpointPool(String name, List<Member> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one endpoint");
        }
        this.inFlight = new int[this.members.size()];
    }

    public String name() {
        return name;
    }

    public List<Member> members() {
        return members;
    }

    public synchronized List<MemberStatus> status() {
        List<MemberStatus> result = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            result.add(new MemberStatus(member.endpoint().name(), member.breaker().state(), inFlight[i],
                    member.endpoint().maxConcurrency()));
        }
        return List.copyOf(result);
    }

    @Override
    public List<String> models() throws LlmException {
        return dispatch(LlmClient::models);
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return dispatch(client -> client.chat(request));
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return dispatch(client -> client.stream(request, listener));
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return dispatch(client -> client.score(request));
    }

    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return dispatch(client -> client.tokenize(model, text, addSpecialTokens));
    }

    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return dispatch(client -> client.promptLogprobs(model, prompts));
    }

    private <T> T dispatch(Routed<T> routed) throws LlmException {
        boolean[] refused = new boolean[members.size()];
        while (true) {
            int chosen = choose(refused);
            try {
                return routed.call(members.get(chosen).client());
            } catch (CircuitOpenException e) {
                refused[chosen] = true;
            } finally {
                release(chosen);
            }
        }
    }

    /** Picks the least-loaded member that is healthy and not yet refused, and counts the call on it. */
    private synchronized int choose(boolean[] refused) throws CircuitOpenException {
        int best = -1;
        int size = members.size();
        for (int k = 0; k < size; k++) {
            int i = (nextTie + k) % size;
            if (refused[i] || !members.get(i).breaker().allowsCalls()) {
                continue;
            }
            if (best < 0 || lessLoaded(i, best)) {
                best = i;
            }
        }
        if (best < 0) {
            throw allRefused();
        }
        nextTie = (best + 1) % size;
        inFlight[best]++;
        return best;
    }

    private boolean lessLoaded(int a, int b) {
        long loadA = (long) inFlight[a] * members.get(b).endpoint().maxConcurrency();
        long loadB = (long) inFlight[b] * members.get(a).endpoint().maxConcurrency();
        return loadA < loadB;
    }

    private synchronized void release(int member) {
        inFlight[member]--;
    }

    private CircuitOpenException allRefused() {
        if (members.size() == 1) {
            Member only = members.get(0);
            return new CircuitOpenException(only.endpoint().name(),
                    "endpoint " + only.endpoint().name() + " is not answering: " + only.breaker().refusalReason());
        }
        StringBuilder reasons = new StringBuilder();
        for (Member member : members) {
            reasons.append(reasons.length() == 0 ? "" : "; ")
                    .append(member.endpoint().name()).append(": ").append(member.breaker().refusalReason());
        }
        return new CircuitOpenException(name,
                "all " + members.size() + " endpoints of " + name + " are not answering: " + reasons);
    }
}
