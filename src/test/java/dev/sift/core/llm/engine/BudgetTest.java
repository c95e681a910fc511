package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.Endpoints.priced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetTest {

    /** 2 per million prompt tokens, 8 per million completion tokens. */
    private final Endpoint api = priced("api", 2.0, 8.0);
    private final CostMeter meter = new CostMeter();
    private final ScriptedClient server = new ScriptedClient();

    /** 4,000 characters (1,000 tokens) and max_tokens 500: estimated at 0.006. */
    private static ChatRequest request() {
        return new ChatRequest("m", List.of(new Message(Message.USER, "x".repeat(4000))),
                ChatParameters.defaults().withMaxTokens(500));
    }

    private MeteredLlmClient metered(Budget budget) {
        return new MeteredLlmClient(server, api, budget, TokenEstimator.DEFAULT);
    }

    @Test
    void meterAddsUpCallsTokensAndMoneyPerEndpointAndInAll() {
        Endpoint local = priced("local", 0, 0);
        meter.recordCall(api, new Usage(1000, 500));
        meter.recordCall(api, new Usage(1000, 500));
        meter.recordCall(local, new Usage(300, 100));
        meter.recordFailure(local);

        CostMeter.Snapshot snapshot = meter.snapshot();
        assertThat(snapshot.endpoint("api").calls()).isEqualTo(2);
        assertThat(snapshot.endpoint("api").cost()).isCloseTo(0.012, within(1e-12));
        assertThat(snapshot.endpoint("local")).isEqualTo(new CostMeter.Totals(1, 1, 300, 100, 0));
        assertThat(snapshot.total().tokens()).isEqualTo(3400);
        assertThat(snapshot.total().calls()).isEqualTo(3);
        assertThat(snapshot.total().failures()).isEqualTo(1);
    }

    @Test
    void listenersSeeASnapshotAfterEachCall() {
        List<Long> callsSeen = new ArrayList<>();
        meter.addListener((endpoint, snapshot) -> callsSeen.add(snapshot.total().calls()));
        meter.addListener((endpoint, snapshot) -> {
            throw new IllegalStateException("a broken listener");
        });

        meter.recordCall(api, new Usage(1, 1));
        meter.recordCall(api, new Usage(1, 1));

        assertThat(callsSeen).containsExactly(1L, 2L);
    }

    @Test
    void refusesTheCallThatWouldPassTheMoneyCapBeforeSendingIt() throws Exception {
        server.usage = new Usage(1000, 500);
        Budget budget = new Budget(OptionalDouble.of(0.02), OptionalLong.empty(), meter);
        var client = metered(budget);
        for (int i = 0; i < 3; i++) {
            client.chat(request());
        }

        assertThatThrownBy(() -> client.chat(request()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED))
                .hasMessage("budget reached (cost cap): spent 0.0180 of 0.0200 and 4500 tokens in 3 calls;"
                        + " the call was not sent");
        assertThat(server.calls).hasValue(3);
        assertThat(meter.total().cost()).isLessThanOrEqualTo(0.02);
    }

    @Test
    void refusesOnceTheTokenCapIsReached() throws Exception {
        server.usage = new Usage(1000, 500);
        Budget budget = new Budget(OptionalDouble.empty(), OptionalLong.of(3000), meter);
        var client = metered(budget);
        client.chat(request());
        client.chat(request());

        assertThat(budget.isExhausted()).isTrue();
        assertThatThrownBy(() -> client.chat(request())).hasMessageContaining("3000 of 3000 tokens in 2 calls");
        assertThat(server.calls).hasValue(2);
    }

    @Test
    void countsTheEstimatesOfCallsStillInFlight() throws Exception {
        Budget budget = new Budget(OptionalDouble.empty(), OptionalLong.of(3000), meter);
        Budget.Reservation first = budget.reserve(api, 1000, 500);
        budget.reserve(api, 1000, 500);

        assertThatThrownBy(() -> budget.reserve(api, 1000, 500)).hasMessageContaining("(2 still in flight)");
        first.close();
        first.close();
        assertThat(budget.reserve(api, 1000, 500)).isNotNull();
    }

    @Test
    void aServerWithoutUsageIsChargedItsEstimate() throws Exception {
        server.usage = Usage.NONE;
        server.answer = "y".repeat(40);

        metered(Budget.unlimited(meter)).chat(request());

        assertThat(meter.total()).isEqualTo(new CostMeter.Totals(1, 0, 1000, 10, api.cost(1000, 10)));
    }

    @Test
    void aFailedCallIsCountedButCostsNothingAndFreesItsReservation() throws Exception {
        Budget budget = new Budget(OptionalDouble.empty(), OptionalLong.of(1500), meter);
        server.failing(1, ScriptedClient.transientFailure("HTTP 503"));
        var client = metered(budget);

        assertThatThrownBy(() -> client.chat(request())).hasMessage("HTTP 503");
        server.usage = new Usage(1000, 500);
        client.chat(request());

        assertThat(meter.total()).isEqualTo(new CostMeter.Totals(1, 1, 1000, 500, api.cost(1000, 500)));
    }
}
