package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointFormViewModelTest {

    static final String KEY = "sk-proj-secret-value-1234567890WXYZ";

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private final List<Endpoint> saved = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        fx = new AgentsFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private EndpointFormViewModel newForm() {
        return EndpointFormViewModel.create(fx.store.endpoints(), fx.credentials, saved::add);
    }

    private EndpointFormViewModel filled(String name, String url) {
        EndpointFormViewModel form = newForm();
        form.nameProperty().set(name);
        form.baseUrlProperty().set(url);
        return form;
    }

    @Test
    void savesAnOpenAiEndpointWithItsLimitsAndPrices() throws Exception {
        EndpointFormViewModel form = filled("  vllm-a ", "http://127.0.0.1:8000/v1");
        form.maxConcurrencyProperty().set("16");
        form.requestsPerMinuteProperty().set("600");
        form.priceInProperty().set("0,15");
        form.priceOutProperty().set("0.6");
        form.groupProperty().set("qwen");

        assertThat(form.save()).isTrue();

        Endpoint e = fx.store.endpoints().findByName("vllm-a").orElseThrow();
        assertThat(e.kind()).isEqualTo(EndpointKind.OPENAI);
        assertThat(e.maxConcurrency()).isEqualTo(16);
        assertThat(e.requestsPerMinute()).isEqualTo(OptionalInt.of(600));
        assertThat(e.tokensPerMinute()).isEmpty();
        assertThat(e.priceInPerMillion()).isEqualTo(0.15);
        assertThat(e.priceOutPerMillion()).isEqualTo(0.6);
        assertThat(e.group()).isEqualTo("qwen");
        assertThat(e.keyRef()).isEmpty();
        assertThat(saved).containsExactly(e);
        assertThat(form.errorProperty().get()).isEmpty();
    }

    @Test
    void reportsEveryProblemAndAddsNothing() throws Exception {
        EndpointFormViewModel form = filled(" ", "localhost:8000");
        form.maxConcurrencyProperty().set("0");
        form.requestsPerMinuteProperty().set("many");
        form.tokensPerMinuteProperty().set("-5");
        form.priceInProperty().set("-1");
        form.priceOutProperty().set("free");

        assertThat(form.save()).isFalse();

        assertThat(form.errorProperty().get().split("\n")).containsExactly(
                "Enter a name for the endpoint",
                "The base URL must start with http:// or https:// and name a host, e.g. http://127.0.0.1:8000/v1",
                "Max concurrency must be a whole number of at least 1",
                "Requests per minute must be a whole number of at least 1, or empty for no limit",
                "Tokens per minute must be a whole number of at least 1, or empty for no limit",
                "The input price per million tokens must be a number of 0 or more",
                "The output price per million tokens must be a number of 0 or more");
        assertThat(fx.store.endpoints().list()).isEmpty();
        assertThat(saved).isEmpty();
    }

    @Test
    void refusesANameInUseButKeepsAnEndpointsOwnNameOnEdit() throws Exception {
        assertThat(filled("a", "http://127.0.0.1:1/v1").save()).isTrue();
        assertThat(filled("b", "http://127.0.0.1:2/v1").save()).isTrue();

        EndpointFormViewModel duplicate = filled("a", "https://api.example.com/v1");
        assertThat(duplicate.validate()).containsExactly("An endpoint named 'a' already exists; choose another name");

        Endpoint a = fx.store.endpoints().findByName("a").orElseThrow();
        EndpointFormViewModel edit = EndpointFormViewModel.edit(fx.store.endpoints(), fx.credentials, a, saved::add);
        edit.baseUrlProperty().set("https://api.example.com/v1");
        assertThat(edit.save()).isTrue();
        edit.nameProperty().set("b");
        assertThat(edit.save()).isFalse();
        assertThat(edit.errorProperty().get()).contains("'b' already exists");
        assertThat(fx.store.endpoints().find(a.id()).orElseThrow().baseUrl()).isEqualTo("https://api.example.com/v1");
    }

    @Test
    void anEnvironmentKeyIsStoredAsAReference() throws Exception {
        EndpointFormViewModel form = filled("hosted", "https://api.example.com/v1");
        form.apiKey().keySourceProperty().set(KeySource.ENVIRONMENT);
        form.apiKey().envVariableProperty().set("env:OPENAI_API_KEY");

        assertThat(form.save()).isTrue();

        assertThat(fx.store.endpoints().findByName("hosted").orElseThrow().keyRef()).isEqualTo("env:OPENAI_API_KEY");
    }

    @Test
    void aKeyPastedAsTheVariableNameIsRefusedWithoutRepeatingIt() throws Exception {
        EndpointFormViewModel form = filled("hosted", "https://api.example.com/v1");
        form.apiKey().keySourceProperty().set(KeySource.ENVIRONMENT);
        form.apiKey().envVariableProperty().set(KEY);

        assertThat(form.save()).isFalse();

        assertThat(form.errorProperty().get()).contains("looks like an API key").doesNotContain(KEY);
        assertThat(fx.store.endpoints().list()).isEmpty();
        assertThat(fx.projectFilesContain(KEY)).isFalse();
    }

    @Test
    void aTypedKeyGoesOnlyIntoTheCredentialsFile() throws Exception {
        EndpointFormViewModel form = filled("Hosted API", "https://api.example.com/v1");
        form.apiKey().keySourceProperty().set(KeySource.CREDENTIALS);
        form.apiKey().keyProperty().set(KEY);
        assertThat(form.apiKey().effectiveCredentialName()).isEqualTo("hosted-api");

        assertThat(form.save()).isTrue();

        Endpoint e = fx.store.endpoints().findByName("Hosted API").orElseThrow();
        assertThat(e.keyRef()).isEqualTo("cred:hosted-api");
        assertThat(fx.credentials.get("hosted-api").orElseThrow().reveal()).isEqualTo(KEY);
        assertThat(Files.readString(fx.credentials.file())).contains(KEY);
        assertThat(fx.projectFilesContain(KEY)).isFalse();
        assertThat(fx.projectFilesContain("cred:hosted-api")).isTrue(); // the scan does see what is stored
        assertThat(form.apiKey().keyProperty().get()).isEmpty();
        assertThat(form.apiKey().storedKeyProperty().get()).contains("****WXYZ").doesNotContain(KEY);
        form.dispose();
    }

    @Test
    void editingKeepsTheStoredKeyUnlessANewOneIsTyped() throws Exception {
        EndpointFormViewModel form = filled("hosted", "https://api.example.com/v1");
        form.apiKey().keySourceProperty().set(KeySource.CREDENTIALS);
        form.apiKey().credentialNameProperty().set("my-key");
        form.apiKey().keyProperty().set(KEY);
        assertThat(form.save()).isTrue();
        Endpoint e = fx.store.endpoints().findByName("hosted").orElseThrow();

        EndpointFormViewModel edit = EndpointFormViewModel.edit(fx.store.endpoints(), fx.credentials, e, saved::add);
        assertThat(edit.apiKey().keySourceProperty().get()).isEqualTo(KeySource.CREDENTIALS);
        assertThat(edit.apiKey().credentialNameProperty().get()).isEqualTo("my-key");
        assertThat(edit.apiKey().keyProperty().get()).isEmpty();
        assertThat(edit.apiKey().storedKeyProperty().get()).startsWith("Stored key my-key: ****WXYZ");
        edit.maxConcurrencyProperty().set("2");
        assertThat(edit.save()).isTrue();
        assertThat(fx.credentials.get("my-key").orElseThrow().reveal()).isEqualTo(KEY);

        edit.apiKey().keyProperty().set("sk-proj-another-key-0987654321ABCD");
        assertThat(edit.save()).isTrue();
        assertThat(fx.credentials.get("my-key").orElseThrow().masked()).isEqualTo("****ABCD");
        assertThat(fx.store.endpoints().find(e.id()).orElseThrow().maxConcurrency()).isEqualTo(2);
    }

    @Test
    void aCredentialsKeyIsRequiredWhenTheFileHasNoneYet() throws Exception {
        EndpointFormViewModel form = filled("hosted", "https://api.example.com/v1");
        form.apiKey().keySourceProperty().set(KeySource.CREDENTIALS);

        assertThat(form.apiKey().storedKeyProperty().get()).contains("will be stored as hosted").contains("never in the project");
        assertThat(form.save()).isFalse();
        assertThat(form.errorProperty().get()).isEqualTo("Enter the API key to store in your credentials file");
        assertThat(Files.exists(fx.credentials.file())).isFalse();
    }

    @Test
    void theStoresOwnRefusalIsShown() throws Exception {
        EndpointFormViewModel form = filled("leaky", "https://user:pass@api.example.com/v1");

        assertThat(form.save()).isFalse();

        assertThat(form.errorProperty().get()).contains("must not carry credentials");
        assertThat(fx.store.endpoints().list()).isEmpty();
    }

    @Test
    void anInProcessEndpointNeedsItsModelFolder() throws Exception {
        EndpointFormViewModel form = newForm();
        form.nameProperty().set("smol");
        form.kindProperty().set(EndpointKind.LOCAL);
        assertThat(form.validate()).containsExactly("Enter the folder of the ONNX model");

        form.modelDirProperty().set("models/smollm2");
        assertThat(form.validate()).singleElement().asString().contains("name no chat template");
        form.chatTemplate().choose("chatml");
        assertThat(form.save()).isTrue();
        assertThat(fx.store.endpoints().findByName("smol").orElseThrow().modelDir()).isEqualTo("models/smollm2");
    }
}
