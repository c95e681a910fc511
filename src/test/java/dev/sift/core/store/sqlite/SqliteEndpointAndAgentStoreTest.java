package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.testing.EmptyProjectTest;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SqliteEndpointAndAgentStoreTest extends EmptyProjectTest {

    private Endpoint endpoint(String name, String group) {
        return new Endpoint(0, name, EndpointKind.OPENAI, "http://127.0.0.1:8000/v1", "", "env:VLLM_KEY", 4,
                OptionalInt.of(600), OptionalInt.empty(), 0.5, 1.5, group);
    }

    private Agent agent(String name, long endpointId, AgentRole role) {
        return new Agent(0, name, endpointId, "", "qwen2.5-7b", role, "You rewrite.", "{\"temperature\":0.7}");
    }

    @Test
    void endpointsCanBeAddedFoundUpdatedListedAndDeleted() throws Exception {
        Endpoint added = store.endpoints().add(endpoint(" vllm ", "gpu"));
        assertThat(added.id()).isPositive();
        assertThat(added.name()).isEqualTo("vllm");
        assertThat(store.endpoints().find(added.id())).contains(added);
        assertThat(store.endpoints().findByName("vllm")).contains(added);

        Endpoint moved = new Endpoint(added.id(), "vllm", EndpointKind.OPENAI, "http://10.0.0.5:8000/v1", "", "",
                8, OptionalInt.empty(), OptionalInt.of(100_000), 0, 0, "");
        store.endpoints().update(moved);
        assertThat(store.endpoints().find(added.id())).contains(moved);

        store.endpoints().add(endpoint("a-first", "gpu"));
        assertThat(store.endpoints().list()).extracting(Endpoint::name).containsExactly("a-first", "vllm");
        assertThat(store.endpoints().listGroup("gpu")).extracting(Endpoint::name).containsExactly("a-first");

        store.endpoints().delete(added.id());
        assertThat(store.endpoints().find(added.id())).isEmpty();
    }

    @Test
    void localEndpointsNeedAModelFolder() throws Exception {
        var local = new Endpoint(0, "onnx", EndpointKind.LOCAL, "", "", "", 1, OptionalInt.empty(),
                OptionalInt.empty(), 0, 0, "");
        assertThatThrownBy(() -> store.endpoints().add(local))
                .hasMessage("Endpoint 'onnx' runs a model in process and needs its model folder");
        var withFolder = new Endpoint(0, "onnx", EndpointKind.LOCAL, "", "models/smollm2", "", 1,
                OptionalInt.empty(), OptionalInt.empty(), 0, 0, "");
        assertThat(store.endpoints().add(withFolder).modelDir()).isEqualTo("models/smollm2");
    }

    @Test
    void endpointNamesAreUnique() throws Exception {
        store.endpoints().add(endpoint("vllm", ""));
        Endpoint other = store.endpoints().add(endpoint("ollama", ""));
        assertThatThrownBy(() -> store.endpoints().add(endpoint("vllm", "")))
                .isInstanceOf(StoreException.class)
                .hasMessage("An endpoint named 'vllm' already exists; choose another name");
        Endpoint renamed = new Endpoint(other.id(), "vllm", other.kind(), other.baseUrl(), "", "", 1,
                OptionalInt.empty(), OptionalInt.empty(), 0, 0, "");
        assertThatThrownBy(() -> store.endpoints().update(renamed)).hasMessageContaining("already exists");
    }

    @Test
    void aPastedKeyIsRefusedAndNeverStored() throws Exception {
        String key = "sk-proj-Zq8vXw2LmN4pR7tY1uI0oP9aS3dF6gH";
        var withKey = Endpoint.openAi("openai", "https://api.openai.com/v1", key);
        assertThatThrownBy(() -> store.endpoints().add(withKey))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("env:NAME")
                .hasMessageContaining("cred:NAME")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
        assertThat(store.endpoints().list()).isEmpty();

        assertThatThrownBy(() -> store.endpoints().add(Endpoint.openAi("x", "https://u:" + key + "@api.example.com/v1", "")))
                .hasMessageContaining("must not carry credentials");
        assertThatThrownBy(() -> store.endpoints().add(Endpoint.openAi("x", "https://api.example.com/v1?api_key=abc", "")))
                .hasMessageContaining("must not carry credentials");
        assertThatThrownBy(() -> store.endpoints().add(Endpoint.openAi("x", "localhost:8000", "")))
                .hasMessage("Endpoint 'x' needs a base URL such as http://127.0.0.1:8000/v1");
    }

    @Test
    void agentsNeedAnExistingEndpointOrAGroupWithEndpoints() throws Exception {
        Endpoint e = store.endpoints().add(endpoint("vllm", "gpu"));
        Agent a = store.agents().add(agent("rewriter", e.id(), AgentRole.INSTRUCTION_REWRITER));
        assertThat(store.agents().find(a.id())).contains(a);
        assertThat(store.agents().findByName("rewriter")).contains(a);

        assertThatThrownBy(() -> store.agents().add(agent("ghost", 999, AgentRole.RESPONDER)))
                .hasMessage("Agent 'ghost' refers to endpoint 999, which does not exist");
        var inEmptyGroup = new Agent(0, "g", 0, "cpu", "m", AgentRole.JUDGE, "", "{}");
        assertThatThrownBy(() -> store.agents().add(inEmptyGroup))
                .hasMessage("Agent 'g' uses endpoint group 'cpu', which has no endpoints");
        var inGroup = new Agent(0, "g", 0, "gpu", "m", AgentRole.JUDGE, "", "{}");
        assertThat(store.agents().add(inGroup).endpointGroup()).isEqualTo("gpu");

        assertThatThrownBy(() -> store.agents().add(agent("rewriter", e.id(), AgentRole.RESPONDER)))
                .hasMessage("An agent named 'rewriter' already exists; choose another name");
        var badParams = new Agent(0, "b", e.id(), "", "m", AgentRole.JUDGE, "", "[1,2]");
        assertThatThrownBy(() -> store.agents().add(badParams))
                .hasMessage("Agent 'b': decoding parameters must be a JSON object");
        var noModel = new Agent(0, "n", e.id(), "", " ", AgentRole.JUDGE, "", "{}");
        assertThatThrownBy(() -> store.agents().add(noModel)).hasMessage("Agent 'n' needs a model");
    }

    @Test
    void anEndpointInUseCannotBeDeleted() throws Exception {
        Endpoint e = store.endpoints().add(endpoint("vllm", ""));
        store.agents().add(agent("rewriter", e.id(), AgentRole.INSTRUCTION_REWRITER));
        assertThatThrownBy(() -> store.endpoints().delete(e.id()))
                .hasMessage("Endpoint 'vllm' is used by agent rewriter; delete them or move them to another"
                        + " endpoint first");
    }

    @Test
    void pairsJoinTwoDifferentExistingAgentsOnce() throws Exception {
        Endpoint e = store.endpoints().add(endpoint("vllm", ""));
        Agent rewriter = store.agents().add(agent("rewriter", e.id(), AgentRole.INSTRUCTION_REWRITER));
        Agent responder = store.agents().add(agent("responder", e.id(), AgentRole.RESPONDER));

        AgentPair pair = store.agents().addPair(new AgentPair(0, "qwen-qwen", rewriter.id(), responder.id()));
        assertThat(store.agents().findPair(pair.id())).contains(pair);
        assertThat(store.agents().findPairByName("qwen-qwen")).contains(pair);
        assertThat(store.agents().listPairs()).containsExactly(pair);

        assertThatThrownBy(() -> store.agents().addPair(new AgentPair(0, "self", rewriter.id(), rewriter.id())))
                .hasMessageStartingWith("Pair 'self' needs two different agents");
        assertThatThrownBy(() -> store.agents().addPair(new AgentPair(0, "ghost", rewriter.id(), 999)))
                .hasMessage("Pair 'ghost' refers to agent 999, which does not exist");
        assertThatThrownBy(() -> store.agents().addPair(new AgentPair(0, "again", rewriter.id(), responder.id())))
                .hasMessage("Pair 'qwen-qwen' already joins these two agents");
        assertThatThrownBy(() -> store.agents().addPair(new AgentPair(0, "qwen-qwen", responder.id(), rewriter.id())))
                .hasMessage("An agent pair named 'qwen-qwen' already exists; choose another name");

        assertThatThrownBy(() -> store.agents().delete(rewriter.id()))
                .hasMessage("Agent 'rewriter' is part of pair qwen-qwen; delete the pairs first");
        store.agents().deletePair(pair.id());
        store.agents().delete(rewriter.id());
        assertThat(store.agents().list()).extracting(Agent::name).containsExactly("responder");
    }
}
