package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.models.SuggestedModels;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.ui.agents.SuggestedModelRow.ModelState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsViewModelTest {

    private static final String REPO = "HuggingFaceTB/SmolLM2-135M-Instruct";

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private LoopbackHub hub;
    private AgentsViewModel agents;

    @BeforeEach
    void open() throws Exception {
        fx = new AgentsFixture(dir);
        hub = new LoopbackHub(REPO)
                .file("onnx/model.onnx", "fake onnx graph bytes")
                .file("tokenizer.json", "{\"model\":{}}")
                .file("tokenizer_config.json", "{\"chat_template\":\"<|im_start|>{{ role }}\"}")
                .file("config.json", "{}")
                .file("generation_config.json", "{}");
        fx.hubUrl = hub.baseUrl();
        agents = fx.viewModel();
    }

    @AfterEach
    void close() throws Exception {
        agents.dispose();
        hub.close();
        fx.close();
    }

    private ModelsViewModel models() {
        return agents.models();
    }

    private SuggestedModelRow suggestion(String repo) {
        return models().suggested().stream().filter(r -> r.repoId().equals(repo)).findFirst().orElseThrow();
    }

    @Test
    void showsEverySuggestedModelWithItsStateAndFetchesNothingUnasked() throws Exception {
        Path partial = fx.models.folderFor("openai-community/gpt2").resolve(".partial");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("tokenizer.json.part"), "{\"mod");

        models().refresh();

        assertThat(models().suggested()).extracting(SuggestedModelRow::repoId)
                .containsExactlyElementsOf(SuggestedModels.all().stream().map(s -> s.repoId()).toList());
        assertThat(suggestion("openai-community/gpt2").state()).isEqualTo(ModelState.PARTIAL);
        assertThat(suggestion("openai-community/gpt2").state().action()).isEqualTo("Resume download");
        assertThat(suggestion(REPO).state()).isEqualTo(ModelState.NOT_INSTALLED);
        assertThat(suggestion(REPO).purpose()).isNotBlank();
        assertThat(suggestion(REPO).size()).startsWith("≈ ").endsWith("MB");
        assertThat(models().installed()).singleElement().satisfies(row -> {
            assertThat(row.repoId()).isEqualTo("openai-community/gpt2");
            assertThat(row.partial()).isTrue();
            assertThat(row.state()).contains("resumable");
        });
        assertThat(ModelsViewModel.PATHS_NOTE).contains("repository listing");
        assertThat(hub.requests).isEmpty();
        assertThat(fx.jobs.visibleJobs()).isEmpty();
    }

    @Test
    void aDownloadRunsAsAStatusBarJobAndMovesTheModelToInstalled() {
        models().download(suggestion(REPO));

        assertThat(fx.jobs.visibleJobs()).containsExactly("Download " + REPO);
        assertThat(models().errorProperty().get()).isEmpty();
        assertThat(models().statusProperty().get()).isEqualTo("Downloaded " + REPO + ".");
        assertThat(suggestion(REPO).state()).isEqualTo(ModelState.INSTALLED);
        assertThat(suggestion(REPO).canDownload()).isFalse();
        assertThat(models().installed()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("HuggingFaceTB--SmolLM2-135M-Instruct");
            assertThat(row.partial()).isFalse();
            assertThat(row.state()).isEqualTo("Installed");
            assertThat(row.onnxFiles()).containsExactly("onnx/model.onnx");
            assertThat(row.sizeBytes()).isGreaterThan(0);
        });
        assertThat(fx.models.isInstalled(REPO)).isTrue();
    }

    @Test
    void aChecksumMismatchShowsTheErrorAndLeavesTheModelNotInstalled() {
        hub.wrongSha("onnx/model.onnx");

        models().download(suggestion(REPO));

        assertThat(models().errorProperty().get()).contains("SHA-256 mismatch for onnx/model.onnx");
        assertThat(fx.dialogs.errors()).singleElement().asString().contains("SHA-256 mismatch");
        assertThat(fx.models.isInstalled(REPO)).isFalse();
        assertThat(suggestion(REPO).state()).isNotEqualTo(ModelState.INSTALLED);
        assertThat(suggestion(REPO).canDownload()).isTrue();
        assertThat(models().installed()).noneMatch(row -> !row.partial());
    }

    @Test
    void checkFilesComparesTheSuggestedPathsWithTheListing() {
        models().checkFiles(suggestion(REPO));
        assertThat(models().statusProperty().get()).isEqualTo("All 5 files of " + REPO + " are in its repository listing.");
        assertThat(fx.jobs.queries()).containsExactly("List " + REPO);
        assertThat(fx.models.isInstalled(REPO)).isFalse();
    }

    @Test
    void useAsEndpointOpensALocalEndpointFormWithTheModelFolder() throws Exception {
        models().download(suggestion(REPO));
        InstalledModelRow row = models().installed().get(0);

        EndpointFormViewModel form = models().useAsEndpoint(row).orElseThrow();

        assertThat(form.isNew()).isTrue();
        assertThat(form.kindProperty().get()).isEqualTo(EndpointKind.LOCAL);
        assertThat(form.modelDirProperty().get()).isEqualTo(fx.models.folderFor(REPO).toString());
        assertThat(form.nameProperty().get()).isEqualTo("smollm2-135m-instruct");
        assertThat(form.save()).as(form.errorProperty().get()).isTrue();
        form.dispose();
        Endpoint saved = fx.store.endpoints().list().get(0);
        assertThat(saved.kind()).isEqualTo(EndpointKind.LOCAL);
        assertThat(saved.modelDir()).isEqualTo(fx.models.folderFor(REPO).toString());
        assertThat(agents.endpoints().selectedProperty().get().name()).isEqualTo("smollm2-135m-instruct");
    }

    @Test
    void useAsEndpointWithoutAProjectSaysWhy() {
        models().download(suggestion(REPO));
        fx.workspace.close();

        assertThat(models().useAsEndpoint(models().installed().get(0))).isEmpty();
        assertThat(fx.dialogs.infos()).singleElement().asString().contains("Open a project first");
    }

    @Test
    void formatsSizes() {
        assertThat(ModelsViewModel.bytes(12)).isEqualTo("12 B");
        assertThat(ModelsViewModel.bytes(540_000_000)).isEqualTo("540 MB");
        assertThat(ModelsViewModel.bytes(1_450_000_000)).isEqualTo("1.5 GB");
    }
}
