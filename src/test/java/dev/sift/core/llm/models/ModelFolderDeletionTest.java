package dev.sift.core.llm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting model folders, and refusing everything that is not one. */
class ModelFolderDeletionTest {

    @TempDir
    Path dir;

    private ModelsDirectory models;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        models = new ModelsDirectory(dir.resolve("models"));
        outside = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "keep me");
    }

    private Path model(String repo) throws Exception {
        Path folder = models.folderFor(repo);
        Files.createDirectories(folder.resolve("onnx"));
        Files.write(folder.resolve("onnx/model.onnx"), new byte[1_000]);
        Files.writeString(folder.resolve("tokenizer.json"), "{}");
        return folder;
    }

    @Test
    void deletesAnInstalledModelByRepoOrFolderNameAndReportsTheBytesFreed() throws Exception {
        Path first = model("acme/tiny-lm");
        Path second = model("acme/other-lm");

        assertThat(models.delete("acme/tiny-lm")).isEqualTo(1_002);
        assertThat(models.delete("acme--other-lm")).isEqualTo(1_002);

        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(models.installed()).isEmpty();
        assertThat(models.root()).isDirectory();
    }

    @Test
    void deletesAPartialDownloadButNotOneThatIsRunning() throws Exception {
        Path partial = Files.createDirectories(models.folderFor("acme/half").resolve(ModelsDirectory.PARTIAL));
        Files.write(partial.resolve("model.onnx.part"), new byte[500]);
        assertThat(models.partialDownloads()).singleElement().satisfies(p -> {
            assertThat(p.repoId()).isEqualTo("acme/half");
            assertThat(p.bytesSoFar()).isEqualTo(500);
        });

        try (FileChannel channel = FileChannel.open(partial.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            assertThatThrownBy(() -> models.delete("acme/half")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("download").hasMessageContaining("running");
        }
        assertThat(models.delete("acme/half")).isEqualTo(500);
        assertThat(models.partialDownloads()).isEmpty();
    }

    @Test
    void refusesPathsOutsideTheModelsFolderAndLinksLeadingThere() throws Exception {
        model("acme/tiny-lm");
        Files.createSymbolicLink(models.root().resolve("acme--escape"), outside);

        for (String name : new String[] {"..", "../precious", "acme/../../precious", "/tmp", ".", "",
            "acme/tiny-lm/onnx", ".partial"}) {
            assertThatThrownBy(() -> models.delete(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> models.delete("acme--escape")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link");
        assertThatThrownBy(() -> models.delete("acme/missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no model folder");
        assertThatThrownBy(() -> new ModelFolderDeletion(models.root()).delete(outside))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a model folder");

        assertThat(outside.resolve("keep.txt")).hasContent("keep me");
        assertThat(models.isInstalled("acme/tiny-lm")).isTrue();
    }
}
