package dev.sift.core.llm.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.job.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default files of an ONNX export, chosen from a real listing of the loopback Hub, and fetched. */
class ModelFileChoiceTest {

    @TempDir
    Path dir;

    private FakeHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    private ModelFileChoice.Choice choice() throws Exception {
        return ModelFileChoice.defaultFor(FakeHub.REPO, hub.client().listFiles(FakeHub.REPO, "main"));
    }

    @Test
    void takesTheConfigsTheTokenizerAndOnnxModelOnnxWithItsExternalData() throws Exception {
        hub.file("README.md", 100, false);
        hub.file("config.json", 300, false);
        hub.file("generation_config.json", 120, false);
        hub.file("tokenizer.json", 5_000, true);
        hub.file("tokenizer_config.json", 900, false);
        hub.file("special_tokens_map.json", 200, false);
        hub.file("onnx/model.onnx", 2_000, true);
        hub.file("onnx/model.onnx_data", 60_000, true);
        hub.file("onnx/model_fp16.onnx", 1_000, true);
        hub.file("onnx/model_fp16.onnx_data", 30_000, true);
        hub.file("onnx/model_q4.onnx", 9_000, true);

        ModelFileChoice.Choice choice = choice();

        assertThat(choice.problem()).isEmpty();
        assertThat(choice.files()).containsExactly("config.json", "tokenizer.json", "tokenizer_config.json",
                "generation_config.json", "onnx/model.onnx", "onnx/model.onnx_data");
    }

    @Test
    void withoutModelOnnxTakesTheSmallestFullPrecisionVariantCountingItsData() throws Exception {
        hub.file("tokenizer.json", 5_000, true);
        hub.file("onnx/decoder_model.onnx", 1_000, true);
        hub.file("onnx/decoder_model.onnx_data", 80_000, true);
        hub.file("onnx/decoder_model_merged.onnx", 40_000, true);
        hub.file("onnx/decoder_model_merged_q4.onnx", 3_000, true);
        hub.file("onnx/model_quantized.onnx", 2_000, true);

        assertThat(choice().files()).containsExactly("tokenizer.json", "onnx/decoder_model_merged.onnx");
        assertThat(ModelFileChoice.isQuantised("onnx/model_q4f16.onnx")).isTrue();
        assertThat(ModelFileChoice.isQuantised("onnx/model_bnb4.onnx")).isTrue();
        assertThat(ModelFileChoice.isQuantised("onnx/model_merged.onnx")).isFalse();
    }

    @Test
    void saysWhyWhenOnlyQuantisedGraphsOrNoTokenizerAreThere() throws Exception {
        hub.file("tokenizer.json", 5_000, true);
        hub.file("onnx/model_int8.onnx", 1_000, true);
        assertThat(choice().problem()).get().asString().contains("only quantised").contains("onnx/model_int8.onnx");
        assertThat(choice().files()).containsExactly("tokenizer.json");

        FakeHub bare = new FakeHub();
        try (bare) {
            bare.file("model.onnx", 1_000, true);
            ModelFileChoice.Choice noTokenizer = ModelFileChoice.defaultFor(FakeHub.REPO,
                    bare.client().listFiles(FakeHub.REPO, "main"));
            assertThat(noTokenizer.files()).containsExactly("model.onnx");
            assertThat(noTokenizer.problem()).get().asString().contains("no tokenizer.json");
        }
    }

    @Test
    void aDownloadOfTheDefaultMinusAnUntickedFileFetchesOnlyTheChosenOnes() throws Exception {
        hub.file("config.json", 300, false);
        hub.file("tokenizer.json", 5_000, true);
        hub.file("tokenizer_config.json", 900, false);
        hub.file("onnx/model.onnx", 2_000, true);
        hub.file("onnx/model.onnx_data", 20_000, true);
        hub.file("onnx/model_q4.onnx", 1_000, true);
        ModelsDirectory models = new ModelsDirectory(dir.resolve("models"));
        List<String> chosen = choice().files().stream().filter(f -> !f.equals("tokenizer_config.json")).toList();

        Path folder = new ModelDownloadJob(hub.client(), models,
                new ModelDownloadRequest(FakeHub.REPO, "main", chosen)).run(TestContext.running());

        assertThat(models.find(FakeHub.REPO).orElseThrow().files()).extracting(InstalledModel.ModelFile::path)
                .containsExactly("config.json", "onnx/model.onnx", "onnx/model.onnx_data", "tokenizer.json");
        assertThat(folder.resolve("tokenizer_config.json")).doesNotExist();
        assertThat(hub.downloadsOf("tokenizer_config.json")).isEmpty();
        assertThat(hub.downloadsOf("onnx/model_q4.onnx")).isEmpty();
        assertThat(Files.size(folder.resolve("onnx/model.onnx_data"))).isEqualTo(20_000);
    }
}
