package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentFormViewModelTest {

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private ScriptedOpenAiServer server;
    private AgentsViewModel vm;
    private Endpoint vllm;

    @BeforeEach
    void open() throws Exception {
        fx = new AgentsFixture(dir);
        server = ScriptedOpenAiServer.start();
        vllm = fx.store.endpoints().add(Endpoint.openAi("vllm", server.baseUrl(), ""));
        vm = fx.viewModel();
    }

    @AfterEach
    void close() {
        vm.dispose();
        server.close();
        fx.close();
    }

    private void testConnection(String... models) {
        vm.endpoints().select(vm.endpoints().rows().get(0));
        server.models("vllm", models);
        vm.endpoints().testConnection();
    }

    @Test
    void theModelIsOfferedFromTheLastConnectionTestOfTheSelectedEndpoint() {
        testConnection("qwen2.5-7b", "smollm2");

        AgentFormViewModel form = vm.agents().newAgent().orElseThrow();

        assertThat(form.targetProperty().get()).isEqualTo(AgentTarget.of(vllm));
        assertThat(form.models()).containsExactly("qwen2.5-7b", "smollm2");
        assertThat(form.modelProperty().get()).isEqualTo("qwen2.5-7b");
    }

    @Test
    void addsAnAgentAndShowsItInTheTable() throws Exception {
        testConnection("qwen2.5-7b", "smollm2");
        AgentFormViewModel form = vm.agents().newAgent().orElseThrow();
        form.nameProperty().set("rewriter");
        form.modelProperty().set("smollm2");
        form.roleProperty().set(AgentRole.INSTRUCTION_REWRITER);
        form.systemPromptProperty().set("Rewrite the instruction so that it is harder,\n  more specific and still answerable. "
                + "Keep the topic.");
        form.parametersProperty().set("{\"temperature\": 1.0, \"top_p\": 0.95}");

        assertThat(form.save()).as(form.errorProperty().get()).isTrue();
        form.dispose();

        Agent stored = fx.store.agents().findByName("rewriter").orElseThrow();
        assertThat(stored.endpointId()).isEqualTo(vllm.id());
        assertThat(stored.model()).isEqualTo("smollm2");
        assertThat(stored.parametersJson()).isEqualTo("{\"temperature\": 1.0, \"top_p\": 0.95}");
        assertThat(vm.agents().rows()).singleElement().satisfies(row -> {
            assertThat(row.target()).isEqualTo("vllm");
            assertThat(row.model()).isEqualTo("smollm2");
            assertThat(row.role()).isEqualTo("Instruction rewriter");
            assertThat(row.promptPreview()).hasSize(AgentRow.PREVIEW)
                    .startsWith("Rewrite the instruction so that it is harder, more specific").endsWith("…");
        });
        assertThat(vm.agents().selectedProperty().get().name()).isEqualTo("rewriter");
        assertThat(vm.pairs().agents()).extracting(Agent::name).containsExactly("rewriter");
    }

    @Test
    void decodingParametersAreCheckedAsTheyAreTyped() {
        AgentFormViewModel form = vm.agents().newAgent().orElseThrow();
        form.nameProperty().set("judge");
        form.modelProperty().set("m");

        form.parametersProperty().set("{\"temprature\": 0.2}");
        assertThat(form.parametersErrorProperty().get()).startsWith("unknown decoding parameter 'temprature'");
        form.parametersProperty().set("{\"max_tokens\": \"many\"}");
        assertThat(form.parametersErrorProperty().get()).isEqualTo("decoding parameter 'max_tokens' must be a whole number");
        form.parametersProperty().set("{\"temperature\": ");
        assertThat(form.parametersErrorProperty().get()).startsWith("decoding parameters are not valid JSON");
        assertThat(form.save()).isFalse();
        assertThat(form.errorProperty().get()).contains("not valid JSON");

        form.parametersProperty().set("");
        assertThat(form.parametersErrorProperty().get()).isEmpty();
        assertThat(form.save()).isTrue();
        assertThat(vm.agents().rows().get(0).agent().parametersJson()).isEqualTo("{}");
    }

    @Test
    void reportsMissingFieldsAndTakenNames() throws Exception {
        fx.store.agents().add(new Agent(0, "taken", vllm.id(), "", "m", AgentRole.JUDGE, "", "{}"));
        vm.reload();
        AgentFormViewModel form = vm.agents().newAgent().orElseThrow();

        assertThat(form.validate()).containsExactly("Enter a name for the agent",
                "Enter the model, or test the endpoint's connection to choose from its models");
        form.nameProperty().set("taken");
        form.modelProperty().set("m");
        assertThat(form.save()).isFalse();
        assertThat(form.errorProperty().get()).isEqualTo("An agent named 'taken' already exists; choose another name");
        assertThat(fx.store.agents().list()).hasSize(1);
    }

    @Test
    void withoutEndpointsTheFormSaysToAddOne() throws Exception {
        fx.store.endpoints().delete(vllm.id());
        vm.reload();

        AgentFormViewModel form = vm.agents().newAgent().orElseThrow();
        form.nameProperty().set("a");
        form.modelProperty().set("m");

        assertThat(form.validate()).containsExactly("Add an endpoint first: an agent runs on one");
    }

    @Test
    void anAgentCanRunOnAGroupOfEndpoints() throws Exception {
        fx.store.endpoints().update(new Endpoint(vllm.id(), "vllm", vllm.kind(), vllm.baseUrl(), "", "", 8,
                vllm.requestsPerMinute(), vllm.tokensPerMinute(), 0, 0, "qwen"));
        fx.store.endpoints().add(new Endpoint(0, "vllm-b", vllm.kind(), "http://127.0.0.1:9/v1", "", "", 8,
                vllm.requestsPerMinute(), vllm.tokensPerMinute(), 0, 0, "qwen"));
        vm.reload();
        testConnection("qwen2.5-7b");

        AgentFormViewModel form = vm.agents().newAgent().orElseThrow();
        assertThat(form.targets()).extracting(AgentTarget::label).containsExactly("vllm", "vllm-b", "group qwen");
        form.targetProperty().set(AgentTarget.ofGroup("qwen"));
        form.nameProperty().set("pool");

        assertThat(form.models()).containsExactly("qwen2.5-7b");
        assertThat(form.save()).isTrue();
        assertThat(fx.store.agents().findByName("pool").orElseThrow().endpointGroup()).isEqualTo("qwen");
        assertThat(vm.agents().rows().get(0).target()).isEqualTo("group qwen");
    }

    @Test
    void editingKeepsTheAgentsTargetAndChangesItsFields() throws Exception {
        fx.store.agents().add(new Agent(0, "judge", vllm.id(), "", "m", AgentRole.JUDGE, "Be strict.", "{\"seed\": 7}"));
        vm.reload();
        vm.agents().select(vm.agents().rows().get(0));

        AgentFormViewModel form = vm.agents().editSelected().orElseThrow();
        assertThat(form.title()).isEqualTo("Edit agent judge");
        assertThat(form.targetProperty().get()).isEqualTo(AgentTarget.of(vllm));
        assertThat(form.roleProperty().get()).isEqualTo(AgentRole.JUDGE);
        assertThat(form.parametersProperty().get()).isEqualTo("{\"seed\": 7}");
        form.systemPromptProperty().set("Be fair.");

        assertThat(form.save()).isTrue();
        assertThat(vm.agents().rows()).singleElement().extracting(AgentRow::promptPreview).isEqualTo("Be fair.");
    }

    @Test
    void deletingAnAgentAPairUsesShowsTheStoresMessage() throws Exception {
        Agent a = fx.store.agents().add(new Agent(0, "a", vllm.id(), "", "m", AgentRole.INSTRUCTION_REWRITER, "", "{}"));
        Agent b = fx.store.agents().add(new Agent(0, "b", vllm.id(), "", "m", AgentRole.RESPONDER, "", "{}"));
        fx.store.agents().addPair(new dev.sift.core.model.AgentPair(0, "a+b", a.id(), b.id()));
        vm.reload();
        vm.agents().select(vm.agents().rows().get(0));

        vm.agents().deleteSelected();

        assertThat(fx.dialogs.errors()).singleElement().asString().startsWith("Could not delete the agent: Agent 'a' is part of");
        assertThat(vm.agents().rows()).hasSize(2);
    }
}
