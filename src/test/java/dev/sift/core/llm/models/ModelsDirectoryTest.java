package dev.sift.core.llm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsDirectoryTest {

    @TempDir
    Path root;

    private static void write(Path file, int size) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }

    @Test
    void folderNamesComeFromRepoIds() {
        assertThat(ModelsDirectory.folderName("HuggingFaceTB/SmolLM2-135M-Instruct"))
                .isEqualTo("HuggingFaceTB--SmolLM2-135M-Instruct");
        assertThat(ModelsDirectory.folderName("gpt2")).isEqualTo("gpt2");
        assertThat(ModelsDirectory.repoIdOf("HuggingFaceTB--SmolLM2-135M-Instruct"))
                .isEqualTo("HuggingFaceTB/SmolLM2-135M-Instruct");
    }

    @Test
    void repoIdsThatCouldEscapeTheFolderAreRefused() {
        for (String bad : new String[] {"../etc", "a/b/c", "a/..", "/abs", "a\\b", "", "a--b/c", "a/"}) {
            assertThatThrownBy(() -> ModelsDirectory.folderName(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFolderCountsWithAnOnnxGraphAndATokenizer() throws IOException {
        write(root.resolve("a--root-graph/model.onnx"), 10);
        write(root.resolve("a--root-graph/tokenizer.json"), 3);
        write(root.resolve("b--onnx-dir/onnx/decoder_model.onnx"), 20);
        write(root.resolve("b--onnx-dir/tokenizer.json"), 4);
        write(root.resolve("b--onnx-dir/config.json"), 1);
        write(root.resolve("c--no-tokenizer/model.onnx"), 10);
        write(root.resolve("d--no-graph/tokenizer.json"), 3);
        write(root.resolve("e--downloading/onnx/model.onnx"), 10);
        write(root.resolve("e--downloading/tokenizer.json"), 3);
        write(root.resolve("e--downloading/.partial/config.json.part"), 1);

        var models = new ModelsDirectory(root);

        assertThat(models.installed()).extracting(InstalledModel::name).containsExactly("a--root-graph", "b--onnx-dir");
        InstalledModel b = models.find("b/onnx-dir").orElseThrow();
        assertThat(b.sizeBytes()).isEqualTo(25);
        assertThat(b.files()).extracting(InstalledModel.ModelFile::path)
                .containsExactly("config.json", "onnx/decoder_model.onnx", "tokenizer.json");
        assertThat(b.onnxFiles()).containsExactly("onnx/decoder_model.onnx");
        assertThat(models.isInstalled("e/downloading")).isFalse();
        assertThat(models.hasPartialDownload("e/downloading")).isTrue();
    }

    @Test
    void hiddenFilesAreNotListedAsModelFiles() throws IOException {
        write(root.resolve("a--m/model.onnx"), 10);
        write(root.resolve("a--m/tokenizer.json"), 3);
        write(root.resolve("a--m/" + ModelDownloadJob.MANIFEST), 50);

        assertThat(new ModelsDirectory(root).find("a/m").orElseThrow().sizeBytes()).isEqualTo(13);
    }

    @Test
    void aMissingModelsFolderHasNoModels() {
        assertThat(new ModelsDirectory(root.resolve("absent")).installed()).isEmpty();
    }

    @Test
    void theDefaultIsAUserCacheFolderUnlessOverridden() {
        Path home = Path.of("home");
        assertThat(ModelsDirectory.defaultRoot(Map.of(), null, home))
                .isEqualTo(home.resolve(".cache").resolve("sift").resolve("models"));
        assertThat(ModelsDirectory.defaultRoot(Map.of("XDG_CACHE_HOME", "xdg"), null, home))
                .isEqualTo(Path.of("xdg", "sift", "models"));
        assertThat(ModelsDirectory.defaultRoot(Map.of(ModelsDirectory.VARIABLE, "env"), null, home))
                .isEqualTo(Path.of("env"));
        assertThat(ModelsDirectory.defaultRoot(Map.of(ModelsDirectory.VARIABLE, "env"), "prop", home))
                .isEqualTo(Path.of("prop"));
    }
}
