package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat template choice of the endpoint form for in-process models. */
class EndpointTemplateFormTest {

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

    private Path folder(String name, String tokenizerConfig) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        if (tokenizerConfig != null) {
            Files.writeString(folder.resolve("tokenizer_config.json"), tokenizerConfig);
        }
        return folder;
    }

    private EndpointFormViewModel localForm(Path folder) {
        return EndpointFormViewModel.fromModelFolder(fx.store.endpoints(), fx.credentials, "local", folder, saved::add);
    }

    @Test
    void detectSaysWhatTheFolderNamesAndSavesNoTemplate() throws Exception {
        EndpointFormViewModel form = localForm(folder("qwen",
                "{\"chat_template\": \"{% for m in messages %}<|im_start|>{{ m.role }}{% endfor %}\"}"));
        EndpointTemplateViewModel template = form.chatTemplate();

        assertThat(template.options()).extracting(EndpointTemplateViewModel.Option::label)
                .startsWith("Detect (found: chatml)", "chatml", "llama3").contains("plain");
        assertThat(template.selectedProperty().get().label()).isEqualTo("Detect (found: chatml)");
        assertThat(form.save()).as(form.errorProperty().get()).isTrue();
        assertThat(saved.get(0).chatTemplate()).isEmpty();
    }

    @Test
    void aFolderNamingNoTemplateNeedsAChoiceAndTheChoiceIsStored() throws Exception {
        EndpointFormViewModel form = localForm(folder("bare", null));

        assertThat(form.chatTemplate().selectedProperty().get().label()).isEqualTo("Detect (none found — choose one)");
        assertThat(form.save()).isFalse();
        assertThat(form.errorProperty().get()).contains("name no chat template").contains("choose one")
                .contains("llama3");
        assertThat(fx.store.endpoints().list()).isEmpty();

        form.chatTemplate().choose("llama3");
        assertThat(form.save()).as(form.errorProperty().get()).isTrue();
        assertThat(fx.store.endpoints().findByName("local").orElseThrow().chatTemplate()).isEqualTo("llama3");
    }

    @Test
    void changingTheFolderDetectsAgainAndKeepsAnExplicitChoice() throws Exception {
        Path bare = folder("bare", null);
        Path gemma = folder("gemma", "{\"chat_template\": \"<start_of_turn>user\"}");
        EndpointFormViewModel form = localForm(bare);

        form.modelDirProperty().set(gemma.toString());
        assertThat(form.chatTemplate().selectedProperty().get().label()).isEqualTo("Detect (found: gemma)");
        assertThat(form.chatTemplate().detected()).map(t -> t.id()).contains("gemma");

        form.chatTemplate().choose("phi3");
        form.modelDirProperty().set(bare.toString());
        assertThat(form.chatTemplate().chosenId()).isEqualTo("phi3");
        assertThat(form.chatTemplate().options().get(0).label()).isEqualTo("Detect (none found — choose one)");
    }

    @Test
    void editingShowsTheStoredTemplateAndServersStoreNone() throws Exception {
        Endpoint stored = fx.store.endpoints().add(new Endpoint(0, "tiny", EndpointKind.LOCAL, "",
                folder("tiny", null).toString(), "", 1, java.util.OptionalInt.empty(), java.util.OptionalInt.empty(),
                0, 0, "", "mistral"));
        EndpointFormViewModel edit = EndpointFormViewModel.edit(fx.store.endpoints(), fx.credentials, stored, saved::add);
        assertThat(edit.chatTemplate().chosenId()).isEqualTo("mistral");

        EndpointFormViewModel server = EndpointFormViewModel.create(fx.store.endpoints(), fx.credentials, saved::add);
        server.nameProperty().set("vllm");
        server.baseUrlProperty().set("http://127.0.0.1:8000/v1");
        server.chatTemplate().choose("chatml");
        assertThat(server.save()).as(server.errorProperty().get()).isTrue();
        assertThat(fx.store.endpoints().findByName("vllm").orElseThrow().chatTemplate()).isEmpty();
    }
}
