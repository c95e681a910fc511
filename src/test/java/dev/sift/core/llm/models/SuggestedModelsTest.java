package dev.sift.core.llm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestedModelsTest {

    @Test
    void theBuiltInListHasTheFourSmallModels() {
        List<SuggestedModel> models = SuggestedModels.all();

        assertThat(models).extracting(SuggestedModel::repoId).containsExactly("openai-community/gpt2",
                "HuggingFaceTB/SmolLM2-135M-Instruct", "HuggingFaceTB/SmolLM2-360M-Instruct",
                "onnx-community/Qwen2.5-0.5B-Instruct");
        assertThat(models.get(0).purpose()).contains("Superfiltering");
        assertThat(models).allSatisfy(m -> {
            assertThat(m.approxBytes()).isPositive();
            assertThat(m.files()).contains("tokenizer.json").anyMatch(f -> f.startsWith("onnx/") && f.endsWith(".onnx"));
            assertThat(m.request().revision()).isEqualTo("main");
        });
    }

    @Test
    void unsafeFilePathsAreRefused() {
        for (String bad : new String[] {"../x.onnx", "/etc/passwd", "onnx/../../x", ".partial/x", "a\\b", "c:/x", ""}) {
            assertThatThrownBy(() -> new ModelDownloadRequest("a/b", "main", List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
