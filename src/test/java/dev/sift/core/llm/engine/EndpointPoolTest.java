package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.Endpoints.endpoint;
import static dev.sift.core.llm.engine.ScriptedClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EndpointPoolTest {

    private final FakeTime time = new FakeTime();

    /** Answers with its name; holds every call until the gate opens. */
    private static class NamedClient implements LlmClient {
        final String name;
        final CountDownLatch gate;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();

        NamedClient(String name, CountDownLatch gate) {
            this.name = name;
            this.gate = gate;
        }

        @Override
        public ChatResponse chat(ChatRequest request) throws LlmException {
            calls.incrementAndGet();
            inFlight.incrementAndGet();
            try {
                gate.await();
                return new ChatResponse("m", List.of(new Choice(name, "stop", List.of())), Usage.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmException(LlmException.Kind.TRANSIENT, "interrupted", 0, null, e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public List<String> models() {
            return List.of("m");
        }

        @Override
        public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
            return chat(request);
        }

        @Override
        public ScoreResult score(ScoreRequest request) {
            return new ScoreResult("m", List.of(), 0);
        }
    }

    private EndpointPool.Member member(Endpoint endpoint, LlmClient client) {
        return new EndpointPool.Member(endpoint, client, new CircuitBreaker(endpoint.name(), 1, Duration.ofSeconds(30), time));
    }

    private static Thread callInBackground(EndpointPool pool) {
        Thread caller = new Thread(() -> {
            try {
                pool.chat(request("hi"));
            } catch (LlmException e) {
                throw new IllegalStateException(e);
            }
        });
        caller.start();
        return caller;
    }

    private static void awaitInFlight(NamedClient client, int count) {
        while (client.inFlight.get() < count) {
            Thread.onSpinWait();
        }
    }

    @Test
    void sendsEachCallToTheLeastLoadedMemberRelativeToItsConcurrency() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        NamedClient big = new NamedClient("big", gate);
        NamedClient small = new NamedClient("small", gate);
        var pool = new EndpointPool("gpus", List.of(member(endpoint("big", 4), big), member(endpoint("small", 1), small)));
        List<Thread> callers = new ArrayList<>();

        callers.add(callInBackground(pool));   // both idle: the first goes to big
        awaitInFlight(big, 1);
        callers.add(callInBackground(pool));   // big is at 1/4, small at 0/1
        awaitInFlight(small, 1);
        callers.add(callInBackground(pool));   // big at 1/4 beats small at 1/1
        awaitInFlight(big, 2);

        assertThat(pool.status()).extracting(EndpointPool.MemberStatus::inFlight).containsExactly(2, 1);
        gate.countDown();
        for (Thread caller : callers) {
            caller.join(10_000);
        }
        assertThat(big.calls).hasValue(2);
        assertThat(small.calls).hasValue(1);
        assertThat(pool.status()).extracting(EndpointPool.MemberStatus::inFlight).containsExactly(0, 0);
    }

    @Test
    void idleMembersTakeTurns() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        var pool = new EndpointPool("gpus", List.of(member(endpoint("a", 2), new NamedClient("a", open)),
                member(endpoint("b", 2), new NamedClient("b", open))));
        List<String> answers = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            answers.add(pool.chat(request("hi")).text());
        }

        assertThat(answers).containsExactly("a", "b", "a", "b");
    }

    @Test
    void skipsMembersWhoseCircuitIsOpen() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        var down = member(endpoint("down", 8), new NamedClient("down", open));
        var pool = new EndpointPool("gpus", List.of(down, member(endpoint("up", 1), new NamedClient("up", open))));
        down.breaker().onFailure("HTTP 503");

        for (int i = 0; i < 3; i++) {
            assertThat(pool.chat(request("hi")).text()).isEqualTo("up");
        }
    }

    @Test
    void movesOnWhenAMemberRefusesBecauseItsCircuitJustOpened() throws Exception {
        LlmClient refusing = new NamedClient("x", new CountDownLatch(0)) {
            @Override
            public ChatResponse chat(ChatRequest request) throws LlmException {
                throw new CircuitOpenException("first", "endpoint first is not answering");
            }
        };
        var pool = new EndpointPool("gpus", List.of(member(endpoint("first", 8), refusing),
                member(endpoint("second", 8), new NamedClient("second", new CountDownLatch(0)))));

        assertThat(pool.chat(request("hi")).text()).isEqualTo("second");
    }

    @Test
    void refusesWhenEveryCircuitIsOpen() {
        CountDownLatch open = new CountDownLatch(0);
        var a = member(endpoint("a", 8), new NamedClient("a", open));
        var b = member(endpoint("b", 8), new NamedClient("b", open));
        var pool = new EndpointPool("gpus", List.of(a, b));
        a.breaker().onFailure("HTTP 503");
        b.breaker().onFailure("connection refused");

        assertThatThrownBy(() -> pool.chat(request("hi")))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED))
                .hasMessageStartingWith("all 2 endpoints of gpus are not answering: a: circuit open until")
                .hasMessageContaining("last: connection refused");
    }
}
