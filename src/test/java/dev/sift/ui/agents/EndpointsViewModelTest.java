package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.openai.LocalServerDetector;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsViewModelTest {

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private ScriptedOpenAiServer server;
    private AgentsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        fx = new AgentsFixture(dir);
        server = ScriptedOpenAiServer.start();
        vm = fx.viewModel(() -> new LocalServerDetector(List.of(server.port()), Duration.ofSeconds(2)).detect());
    }

    @AfterEach
    void close() {
        vm.dispose();
        server.close();
        fx.close();
    }

    private EndpointsViewModel endpoints() {
        return vm.endpoints();
    }

    private EndpointRow add(String name, String url, KeySource source, String keyField) {
        EndpointFormViewModel form = endpoints().newEndpoint().orElseThrow();
        form.nameProperty().set(name);
        form.baseUrlProperty().set(url);
        form.apiKey().keySourceProperty().set(source);
        if (source == KeySource.ENVIRONMENT) {
            form.apiKey().envVariableProperty().set(keyField);
        } else if (source == KeySource.CREDENTIALS) {
            form.apiKey().keyProperty().set(keyField);
        }
        assertThat(form.save()).as(form.errorProperty().get()).isTrue();
        form.dispose();
        return endpoints().selectedProperty().get();
    }

    @Test
    void anAddedEndpointAppearsInTheTableAndIsSelected() {
        add("local-vllm", server.baseUrl(), KeySource.ENVIRONMENT, "TEST_API_KEY");

        assertThat(endpoints().rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("local-vllm");
            assertThat(row.kind()).isEqualTo("OpenAI-compatible");
            assertThat(row.location()).isEqualTo(server.baseUrl());
            assertThat(row.keyRef()).isEqualTo("env:TEST_API_KEY");
            assertThat(row.maxConcurrency()).isEqualTo("8");
            assertThat(row.requestsPerMinute()).isEqualTo("—");
            assertThat(row.priceIn()).isEqualTo("0");
            assertThat(row.group()).isEqualTo("—");
        });
        assertThat(endpoints().selectedProperty().get().name()).isEqualTo("local-vllm");
        assertThat(endpoints().connectionStatusProperty().get()).isEqualTo("local-vllm has not been tested yet.");
    }

    @Test
    void testConnectionShowsLatencyAndModelsAndSendsTheEnvironmentKey() {
        add("local-vllm", server.baseUrl(), KeySource.ENVIRONMENT, "TEST_API_KEY");
        server.models("vllm", "qwen2.5-7b", "llama-3.1-8b", "smollm2");

        endpoints().testConnection();

        assertThat(fx.jobs.visibleJobs()).containsExactly("Test connection to local-vllm");
        assertThat(endpoints().connectionStatusProperty().get()).matches("OK · \\d+ ms · 3 models");
        assertThat(endpoints().models()).containsExactly("qwen2.5-7b", "llama-3.1-8b", "smollm2");
        assertThat(endpoints().testingProperty().get()).isFalse();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + AgentsFixture.ENV_KEY);
    }

    @Test
    void aKeyFromTheCredentialsFileIsSentButNeverStoredInTheProject() throws Exception {
        String key = "sk-cred-key-abcdefghijklmnopqrstuv";
        add("hosted", server.baseUrl(), KeySource.CREDENTIALS, key);
        server.models("vllm", "m1");

        endpoints().testConnection();

        assertThat(endpoints().connectionStatusProperty().get()).matches("OK · \\d+ ms · 1 model");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + key);
        assertThat(fx.projectFilesContain(key)).isFalse();
        assertThat(endpoints().rows().get(0).keyRef()).isEqualTo("cred:hosted");
    }

    @Test
    void aFailedConnectionShowsTheError() {
        add("down", server.baseUrl(), KeySource.NONE, "");
        server.json(401, "{\"error\":{\"message\":\"invalid api key\"}}");

        endpoints().testConnection();

        assertThat(endpoints().connectionStatusProperty().get()).startsWith("Failed · ").contains("401");
        assertThat(endpoints().models()).isEmpty();
    }

    @Test
    void aMissingEnvironmentVariableIsReportedByTheTest() {
        add("unset", server.baseUrl(), KeySource.ENVIRONMENT, "NOT_SET_ANYWHERE");

        endpoints().testConnection();

        assertThat(endpoints().connectionStatusProperty().get()).startsWith("Failed · ").contains("NOT_SET_ANYWHERE");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void eachEndpointKeepsItsOwnLastTest() {
        EndpointRow a = add("a", server.baseUrl(), KeySource.NONE, "");
        server.models("vllm", "m1", "m2");
        endpoints().testConnection();
        EndpointRow b = add("b", "http://127.0.0.1:9/v1", KeySource.NONE, "");

        assertThat(endpoints().connectionStatusProperty().get()).isEqualTo("b has not been tested yet.");
        assertThat(endpoints().models()).isEmpty();
        endpoints().select(a);
        assertThat(endpoints().models()).containsExactly("m1", "m2");
        assertThat(endpoints().modelsOf(a.id())).containsExactly("m1", "m2");
        assertThat(endpoints().modelsOf(b.id())).isEmpty();
    }

    @Test
    void editingChangesTheRow() {
        add("a", server.baseUrl(), KeySource.NONE, "");
        EndpointFormViewModel form = endpoints().editSelected().orElseThrow();
        assertThat(form.title()).isEqualTo("Edit endpoint a");
        form.nameProperty().set("renamed");
        form.priceOutProperty().set("1.25");

        assertThat(form.save()).isTrue();

        assertThat(endpoints().rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("renamed");
            assertThat(row.priceOut()).isEqualTo("1.25");
        });
    }

    @Test
    void deletingAnEndpointAnAgentUsesShowsTheStoresMessage() throws Exception {
        EndpointRow row = add("busy", server.baseUrl(), KeySource.NONE, "");
        fx.store.agents().add(new Agent(0, "writer", row.id(), "", "m", AgentRole.RESPONDER, "", "{}"));
        vm.reload();

        endpoints().deleteSelected();

        assertThat(fx.dialogs.errors()).singleElement().asString()
                .startsWith("Could not delete the endpoint: Endpoint 'busy' is used by agent writer");
        assertThat(endpoints().rows()).hasSize(1);

        fx.store.agents().delete(fx.store.agents().findByName("writer").orElseThrow().id());
        endpoints().deleteSelected();
        assertThat(endpoints().rows()).isEmpty();
    }

    @Test
    void answeringNoKeepsTheEndpoint() {
        add("keep", server.baseUrl(), KeySource.NONE, "");
        fx.dialogs.willAnswer(false);

        endpoints().deleteSelected();

        assertThat(endpoints().rows()).hasSize(1);
    }

    @Test
    void detectedServersCanBeAddedWithTheirModels() throws Exception {
        server.models("vllm", "qwen2.5-7b", "smollm2");

        endpoints().detect();

        assertThat(fx.jobs.visibleJobs()).containsExactly("Detect local model servers");
        assertThat(endpoints().detectMessageProperty().get()).isEqualTo("Found 1 server.");
        ServerRow found = endpoints().detected().get(0);
        assertThat(found.kind()).isEqualTo("vLLM");
        assertThat(found.baseUrl()).isEqualTo(server.baseUrl());
        assertThat(found.models()).isEqualTo("qwen2.5-7b, smollm2");

        EndpointFormViewModel form = endpoints().addDetected(found).orElseThrow();
        assertThat(form.nameProperty().get()).isEqualTo("vllm");
        assertThat(form.baseUrlProperty().get()).isEqualTo(server.baseUrl());
        assertThat(form.save()).isTrue();

        Endpoint added = fx.store.endpoints().findByName("vllm").orElseThrow();
        assertThat(endpoints().modelsOf(added.id())).containsExactly("qwen2.5-7b", "smollm2");
        assertThat(endpoints().addDetected(found).orElseThrow().nameProperty().get()).isEqualTo("vllm-2");
    }

    @Test
    void detectionThatFindsNothingSaysSo() {
        vm.dispose();
        vm = fx.viewModel(List::of);

        vm.endpoints().detect();

        assertThat(vm.endpoints().detected()).isEmpty();
        assertThat(vm.endpoints().detectMessageProperty().get()).startsWith("No model server answered");
        assertThat(vm.endpoints().detectingProperty().get()).isFalse();
    }

    @Test
    void withoutAProjectNothingIsListedOrOffered() {
        add("a", server.baseUrl(), KeySource.NONE, "");

        fx.workspace.close();

        assertThat(vm.hasProjectProperty().get()).isFalse();
        assertThat(endpoints().rows()).isEmpty();
        assertThat(endpoints().newEndpoint()).isEmpty();
        assertThat(vm.agents().rows()).isEmpty();
        assertThat(vm.pairs().rows()).isEmpty();
    }

    @Test
    void openingAnotherProjectShowsItsEndpointsAndForgetsTheOldTests() throws Exception {
        add("a", server.baseUrl(), KeySource.NONE, "");
        server.models("vllm", "m1");
        endpoints().testConnection();
        var other = dev.sift.core.store.sqlite.SqliteProjectStore.create(dir.resolve("other.sift"));
        other.endpoints().add(Endpoint.openAi("b", "http://127.0.0.1:9/v1", ""));

        fx.workspace.open(other);

        assertThat(endpoints().rows()).extracting(EndpointRow::name).containsExactly("b");
        assertThat(endpoints().selectedProperty().get()).isNull();
        assertThat(endpoints().modelsOf(1)).isEmpty();
    }
}
