package dev.sift.core.llm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.Message;
import dev.sift.core.store.LlmCall;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingLlmClientTest {

    @TempDir
    Path dir;

    private SqliteProjectStore store;
    private Endpoint endpoint;
    private long runId;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        // $2 per million prompt tokens, $10 per million completion tokens
        endpoint = store.endpoints().add(new Endpoint(0, "hosted", EndpointKind.OPENAI, "https://api.example.com/v1",
                "", "env:EXAMPLE_KEY", 8, OptionalInt.empty(), OptionalInt.empty(), 2.0, 10.0, ""));
        runId = store.runs().create(new NewRun("test", 0, "{}", 1, OptionalDouble.empty())).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ChatRequest request(String text) {
        return new ChatRequest("gpt-x", List.of(new Message("user", text)), ChatParameters.defaults().withSeed(3));
    }

    private CachingLlmClient client(ScriptedLlmClient delegate, CacheMode mode) {
        return new CachingLlmClient(delegate, store.llmCalls(), endpoint, runId, mode);
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheForFree() throws Exception {
        var delegate = ScriptedLlmClient.echoing();
        var client = client(delegate, CacheMode.ON);

        ChatResponse first = client.chat(request("hello"));
        ChatResponse second = client.chat(request("hello"));

        assertThat(second).isEqualTo(first);
        assertThat(delegate.calls()).isEqualTo(1);
        List<LlmCall> log = store.llmCalls().listByRun(runId);
        assertThat(log).extracting(LlmCall::status).containsExactly(LlmCallStatus.OK, LlmCallStatus.CACHED);
        LlmCall paid = log.get(0);
        assertThat(paid.tokensIn()).isEqualTo(10);
        assertThat(paid.tokensOut()).isEqualTo(5);
        assertThat(paid.costUsd()).isCloseTo((10 * 2.0 + 5 * 10.0) / 1e6, within(1e-15));
        assertThat(paid.httpStatus()).hasValue(200);
        assertThat(paid.endpointId()).isEqualTo(endpoint.id());
        assertThat(paid.requestJson()).isEqualTo(CanonicalRequest.of(request("hello"), "endpoint:hosted").json());
        LlmCall cached = log.get(1);
        assertThat(cached.costUsd()).isZero();
        assertThat(cached.tokensIn()).isZero();
        assertThat(cached.requestHash()).isEqualTo(paid.requestHash());
        assertThat(store.runs().find(runId).orElseThrow().costUsd()).isEqualTo(paid.costUsd());

        client.chat(request("another"));
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void theCacheIsSharedAcrossRunsOfTheProject() throws Exception {
        client(ScriptedLlmClient.echoing(), CacheMode.ON).chat(request("hello"));
        long laterRun = store.runs().create(new NewRun("test", 0, "{}", 1, OptionalDouble.empty())).id();
        var delegate = ScriptedLlmClient.echoing();
        new CachingLlmClient(delegate, store.llmCalls(), endpoint, laterRun, CacheMode.ON).chat(request("hello"));
        assertThat(delegate.calls()).isZero();
        assertThat(store.llmCalls().countByRun(laterRun, LlmCallStatus.CACHED)).isEqualTo(1);
    }

    @Test
    void errorsAreLoggedAndNeverCached() throws Exception {
        var delegate = new ScriptedLlmClient((n, r) -> {
            if (n == 1) {
                throw new LlmException(LlmException.Kind.TRANSIENT, "HTTP 503 from hosted: overloaded", 503, null, null);
            }
            return ScriptedLlmClient.echo(r);
        });
        var client = client(delegate, CacheMode.ON);

        assertThatThrownBy(() -> client.chat(request("hello")))
                .isInstanceOf(LlmException.class).hasMessage("HTTP 503 from hosted: overloaded");
        ChatResponse answer = client.chat(request("hello"));

        assertThat(answer.text()).isEqualTo("answer to: hello");
        assertThat(delegate.calls()).isEqualTo(2);
        List<LlmCall> log = store.llmCalls().listByRun(runId);
        assertThat(log).extracting(LlmCall::status).containsExactly(LlmCallStatus.ERROR, LlmCallStatus.OK);
        assertThat(log.get(0).error()).isEqualTo("HTTP 503 from hosted: overloaded");
        assertThat(log.get(0).httpStatus()).hasValue(503);
        assertThat(log.get(0).responseJson()).isEmpty();
        assertThat(log.get(0).costUsd()).isZero();
    }

    @Test
    void aCredentialInAnErrorMessageIsRedactedBeforeItIsLoggedOrRethrown() throws Exception {
        String key = "sk-test-Very-Secret-0123456789";
        var delegate = new ScriptedLlmClient((n, r) -> {
            throw new LlmException(LlmException.Kind.PERMANENT, "HTTP 401: bad key " + key, 401, null, null);
        });
        assertThatThrownBy(() -> client(delegate, CacheMode.ON).chat(request("hello")))
                .isInstanceOf(LlmException.class)
                .hasMessage("HTTP 401: bad key [redacted]")
                .satisfies(e -> assertThat(((LlmException) e).httpStatus()).isEqualTo(401));
        assertThat(store.llmCalls().listByRun(runId).get(0).error()).doesNotContain(key);
    }

    @Test
    void withTheCacheOffEveryRequestReachesTheServerAndIsStillLogged() throws Exception {
        var delegate = ScriptedLlmClient.echoing();
        var client = client(delegate, CacheMode.OFF);
        client.chat(request("hello"));
        client.chat(request("hello"));
        assertThat(delegate.calls()).isEqualTo(2);
        assertThat(store.llmCalls().countByRun(runId, LlmCallStatus.OK)).isEqualTo(2);
        assertThat(store.llmCalls().countByRun(runId, LlmCallStatus.CACHED)).isZero();

        var later = ScriptedLlmClient.echoing();
        client(later, CacheMode.ON).chat(request("hello"));
        assertThat(later.calls()).as("answers logged with the cache off serve later runs").isZero();
    }

    @Test
    void aCachedStreamReachesTheListener() throws Exception {
        client(ScriptedLlmClient.echoing(), CacheMode.ON).chat(request("hello"));
        var delegate = ScriptedLlmClient.echoing();
        var deltas = new ArrayList<String>();
        ChatResponse streamed = client(delegate, CacheMode.ON).stream(request("hello"), (i, text) -> deltas.add(text));
        assertThat(delegate.calls()).isZero();
        assertThat(deltas).containsExactly("answer to: hello");
        assertThat(streamed.text()).isEqualTo("answer to: hello");
    }

    @Test
    void aClosedProjectStopsTheRunInsteadOfSpendingUnlogged() throws Exception {
        var delegate = ScriptedLlmClient.echoing();
        var client = client(delegate, CacheMode.OFF);
        store.close();
        assertThatThrownBy(() -> client.chat(request("hello")))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).kind()).isEqualTo(LlmException.Kind.REFUSED))
                .hasMessageStartingWith("Stopped: the call log in the project cannot be written");
    }
}
