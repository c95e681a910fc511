package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.Message;
import dev.sift.core.store.LlmCall;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LOCAL endpoint reached the way the workbench and CLI reach every endpoint: through {@link LlmAccess}. */
class LocalEndpointAccessTest {

    @TempDir
    Path dir;

    private ProjectStore store;
    private LlmAccess access;

    @BeforeEach
    void setUp() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        access = new LlmAccess(new SecretResolver(Map.of(), new Credentials(dir.resolve("credentials"))),
                EngineSettings.defaults());
    }

    @AfterEach
    void tearDown() {
        access.close();
        store.close();
    }

    private static Endpoint local(String modelDir) {
        return new Endpoint(0, "offline", EndpointKind.LOCAL, "", modelDir, "", 1, OptionalInt.empty(),
                OptionalInt.empty(), 0, 0, "");
    }

    @Test
    void checkListsTheFolderAsTheModel() {
        LlmAccess.ConnectionCheck check = access.check(local(TinyModel.folder().toString()));

        assertThat(check.ok()).as(check.error()).isTrue();
        assertThat(check.models()).containsExactly("tiny");
        assertThat(check.latencyMillis()).isNotNegative();
    }

    @Test
    void aMissingFolderFailsTheCheckWithAClearMessage() {
        LlmAccess.ConnectionCheck check = access.check(local(dir.resolve("nowhere").toString()));

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).contains("offline").contains("nowhere");
    }

    @Test
    void theFolderIsOpenedOnceAndSharedUntilClose() throws Exception {
        Endpoint endpoint = local(TinyModel.folder().toString());
        LlmClient first = access.directClient(endpoint);

        assertThat(access.directClient(endpoint)).isSameAs(first);
        access.close();
        assertThat(access.directClient(endpoint)).isNotSameAs(first);
    }

    @Test
    void anAgentOnALocalEndpointChatsThroughTheEngineAndTheCallLog() throws Exception {
        Endpoint endpoint = store.endpoints().add(local(TinyModel.folder().toString()));
        Agent agent = store.agents().add(
                new Agent(0, "offline answerer", endpoint.id(), "", "tiny@plain", AgentRole.RESPONDER, "", "{}"));
        long runId = store.runs().create(new NewRun("offline", 0, "{}", 1, OptionalDouble.empty())).id();
        LlmClient client = access.forAgent(store, agent, runId, CacheMode.ON, Budget.unlimited(new CostMeter()));
        ChatRequest request = new ChatRequest(agent.model(), List.of(new Message(Message.USER, "the cat")),
                ChatParameters.defaults());

        ChatResponse response = client.chat(request);
        ChatResponse again = client.chat(request);

        assertThat(response.text()).isEqualTo("is very big .");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(again.text()).isEqualTo(response.text());
        List<LlmCall> log = store.llmCalls().listByRun(runId);
        assertThat(log).extracting(LlmCall::status).containsExactly(LlmCallStatus.OK, LlmCallStatus.CACHED);
        assertThat(log.get(0).tokensIn()).isEqualTo(3);
        assertThat(log.get(0).tokensOut()).isEqualTo(4);
    }
}
