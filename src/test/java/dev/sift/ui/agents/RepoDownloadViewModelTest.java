package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.models.ModelsDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloading any repository with chosen files, and deleting models, through the models tab's view model. */
class RepoDownloadViewModelTest {

    private static final String REPO = "acme/any-lm";

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private LoopbackHub hub;
    private AgentsViewModel agents;

    @BeforeEach
    void open() throws Exception {
        fx = new AgentsFixture(dir);
        hub = new LoopbackHub(REPO)
                .file("README.md", "# any")
                .file("config.json", "{}")
                .file("tokenizer.json", "{\"model\":{}}")
                .file("tokenizer_config.json", "{\"chat_template\":\"<|im_start|>\"}")
                .file("onnx/model.onnx", "fake onnx graph bytes")
                .file("onnx/model_q4.onnx", "fake q4 bytes");
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

    private RepoDownloadViewModel repo() {
        return models().repoDownload();
    }

    private RepoDownloadViewModel.FileRow row(String path) {
        return repo().files().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aRepositoryIdIsCheckedBeforeAnythingIsFetched() {
        for (String bad : new String[] {"", "gpt2", "acme/../etc", "https://huggingface.co/acme/x", "a/b/c"}) {
            repo().repoProperty().set(bad);
            assertThat(repo().repoProblem()).as(bad).isPresent();
            repo().listFiles();
            assertThat(models().errorProperty().get()).as(bad).isNotEmpty();
        }
        repo().repoProperty().set(" " + REPO + " ");
        assertThat(repo().repoProblem()).isEmpty();
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void listingTicksWhatTheModelNeedsAndShowsTheTotal() {
        repo().repoProperty().set(REPO);
        repo().listFiles();

        assertThat(fx.jobs.queries()).containsExactly("List " + REPO);
        assertThat(repo().files()).extracting(RepoDownloadViewModel.FileRow::path).containsExactly("README.md",
                "config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "onnx/model_q4.onnx");
        assertThat(repo().files().filtered(r -> r.chosenProperty().get()))
                .extracting(RepoDownloadViewModel.FileRow::path)
                .containsExactly("config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx");
        assertThat(row("config.json").label()).isEqualTo("config.json · 2 B");
        assertThat(repo().totalProperty().get()).isEqualTo("4 of 6 files ticked · 67 B");
        assertThat(repo().noteProperty().get()).isEmpty();

        row("config.json").chosenProperty().set(false);
        assertThat(repo().totalProperty().get()).isEqualTo("3 of 6 files ticked · 65 B");
    }

    @Test
    void downloadsOnlyTheTickedFilesAndListsTheModelAsInstalled() {
        repo().repoProperty().set(REPO);
        repo().listFiles();
        row("tokenizer_config.json").chosenProperty().set(false);

        repo().download();

        assertThat(fx.jobs.visibleJobs()).containsExactly("Download " + REPO);
        assertThat(models().errorProperty().get()).isEmpty();
        assertThat(models().statusProperty().get()).startsWith("Downloaded " + REPO);
        assertThat(models().installed()).singleElement().satisfies(r -> {
            assertThat(r.repoId()).isEqualTo(REPO);
            assertThat(r.onnxFiles()).containsExactly("onnx/model.onnx");
        });
        Path folder = fx.models.folderFor(REPO);
        assertThat(folder.resolve("tokenizer_config.json")).doesNotExist();
        assertThat(folder.resolve("onnx/model_q4.onnx")).doesNotExist();
        assertThat(hub.requests).noneMatch(r -> r.getUrl().encodedPath().endsWith("tokenizer_config.json"));
    }

    @Test
    void nothingTickedDownloadsNothing() {
        repo().download();
        assertThat(models().errorProperty().get()).contains("List a repository's files first");

        repo().repoProperty().set(REPO);
        repo().listFiles();
        repo().files().forEach(r -> r.chosenProperty().set(false));
        repo().download();
        assertThat(models().errorProperty().get()).contains("Tick at least one file");
        assertThat(fx.jobs.visibleJobs()).isEmpty();
    }

    @Test
    void deleteAsksWithTheFolderAndSizeAndRemovesTheModelOnlyOnYes() {
        repo().repoProperty().set(REPO);
        repo().listFiles();
        repo().download();
        InstalledModelRow installed = models().installed().get(0);
        String size = ModelsViewModel.bytes(ModelsDirectory.sizeOf(installed.folder()));

        fx.dialogs.willAnswer(false);
        models().delete(installed);
        assertThat(fx.dialogs.questions()).singleElement().asString().contains(installed.folder().toString())
                .contains(size).contains(REPO);
        assertThat(fx.models.isInstalled(REPO)).isTrue();

        fx.dialogs.willAnswer(true);
        models().delete(installed);
        assertThat(fx.models.folderFor(REPO)).doesNotExist();
        assertThat(models().installed()).isEmpty();
        assertThat(models().statusProperty().get()).startsWith("Deleted ").contains(size + " freed");
    }
}
