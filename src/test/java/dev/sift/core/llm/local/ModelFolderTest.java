package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {

    @TempDir
    Path dir;

    @Test
    void folderWithoutAModelNamesTheFolderAndTheMissingFile() {
        assertThatThrownBy(() -> OnnxCausalLm.open(dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no model.onnx or onnx/model*.onnx");
    }

    @Test
    void folderWithoutATokenizerNamesTheFolderAndTheMissingFile() throws IOException {
        Files.copy(TinyModel.folder().resolve("model.onnx"), dir.resolve("model.onnx"));

        assertThatThrownBy(() -> OnnxCausalLm.open(dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("no tokenizer.json");
    }

    @Test
    void prefersTheFullPrecisionModelInTheOnnxSubfolder() throws IOException {
        Path onnx = Files.createDirectories(dir.resolve("onnx"));
        for (String name : new String[] {"model_fp16.onnx", "model.onnx", "model_q4.onnx"}) {
            Files.copy(TinyModel.folder().resolve("model.onnx"), onnx.resolve(name));
        }
        for (String name : new String[] {"tokenizer.json", "config.json", "generation_config.json"}) {
            Files.copy(TinyModel.folder().resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }

        ModelFolder folder = ModelFolder.read(dir);

        assertThat(folder.model()).isEqualTo(onnx.resolve("model.onnx"));
        assertThat(folder.bosTokenId()).isEqualTo(1);
        assertThat(folder.eosTokenIds()).containsExactly(2);
        assertThat(folder.kvHeads()).isEqualTo(2);
        assertThat(folder.headDim()).isEqualTo(8);
        try (OnnxCausalLm lm = OnnxCausalLm.open(dir, 1)) {
            assertThat(lm.tokenNll(lm.encode("the cat sat", true))).hasSize(4);
        }
    }

    @Test
    void opensAndScoresOnAThreadOtherThanMain() throws Exception {
        // ONNX Runtime was reported to crash some JVMs when loaded off the main thread; it must not here.
        double[][] nll = new double[1][];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try (OnnxCausalLm lm = OnnxCausalLm.open(TinyModel.folder(), 1)) {
                nll[0] = lm.tokenNll(lm.encode("the cat sat", true));
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "onnx-load-test");
        worker.start();
        worker.join();

        assertThat(failure[0]).isNull();
        assertThat(nll[0]).hasSize(4);
    }

    @Test
    void closedModelRefusesCalls() throws IOException {
        OnnxCausalLm lm = OnnxCausalLm.open(TinyModel.folder(), 1);
        lm.close();
        lm.close();

        assertThatThrownBy(() -> lm.tokenNll(new int[] {1, 4})).isInstanceOf(IllegalStateException.class);
    }
}
