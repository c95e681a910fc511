package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.scoring.DirectMode;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.scoring.SpanMode;
import org.junit.jupiter.api.Test;

class ReflectionSpecTest {

    @Test
    void theDefaultsAreTheReleasedCodes() {
        ReflectionSpec s = ReflectionSpec.fromJson("{\"dataset\":\"d\",\"teacher\":\"t\",\"student\":{\"model\":\"m\"}}",
                "r.json");

        assertThat(s.template()).isEqualTo(PromptTemplate.VICUNA);
        assertThat(s.maxLength()).isEqualTo(2048);
        assertThat(s.variant()).isEqualTo(ReflectionSpec.Variant.PPL);
        assertThat(s.keepQOnly()).isFalse();
        assertThat(s.keepOriginal()).isFalse();
        assertThat(s.topK()).isEmpty();
        assertThat(s.referenceCompat()).isFalse();
        assertThat(s.concurrency()).isEqualTo(1);
        assertThat(s.ifdOptions().directMode()).isEqualTo(DirectMode.RESPONSE_ONLY);
        assertThat(s.ifdOptions().spanMode()).isEqualTo(SpanMode.CONCATENATE);
    }

    @Test
    void theConfigurationRoundTrips() {
        String json = "{\"dataset\":\"d\",\"teacher\":\"t\",\"student\":{\"endpoint\":\"vllm\",\"model\":\"llama\"},"
                + "\"template\":\"alpaca\",\"maxLength\":512,\"variant\":\"loss\",\"keepQOnly\":true,"
                + "\"keepOriginal\":true,\"topK\":10,\"referenceCompat\":true,\"seed\":7,\"budget\":1.5,"
                + "\"concurrency\":3}";
        ReflectionSpec s = ReflectionSpec.fromJson(json, "r.json");

        assertThat(ReflectionSpec.fromJson(s.toConfigJson(), "run 1")).isEqualTo(s);
        assertThat(s.ifdOptions().spanMode()).as("compatibility mode locates spans with rfind")
                .isEqualTo(SpanMode.REFERENCE_COMPAT);
    }

    @Test
    void errorsNameTheSourceAndTheField() {
        assertThatThrownBy(() -> ReflectionSpec.fromJson("{\"dataset\":\"d\",\"teacher\":\"t\",\"student\":{}}",
                "r.json")).hasMessage("r.json: field 'student.model' must name a local model folder (or give "
                        + "'endpoint')");
        assertThatThrownBy(() -> ReflectionSpec.fromJson("{\"dataset\":\"d\",\"teacher\":\"t\",\"student\":{\"model\":"
                + "\"m\"},\"topk\":3}", "r.json")).hasMessageStartingWith("r.json: field 'topk' is not a known field");
        assertThatThrownBy(() -> ReflectionSpec.fromJson("{\"dataset\":\"d\",\"teacher\":\"t\",\"student\":{\"model\":"
                + "\"m\"},\"variant\":\"median\"}", "r.json")).hasMessage("r.json: field 'variant': unknown value "
                        + "'median'; choose one of [ppl, loss]");
        assertThatThrownBy(() -> ReflectionSpec.fromJson("{\"dataset\":\"d\",\"teacher\":\"t\",\"student\":{\"model\":"
                + "\"m\"},\"topK\":0}", "r.json")).hasMessageContaining("field 'topK' must be at least 1");
        assertThatThrownBy(() -> ReflectionSpec.fromJson("{\"dataset\":\"d\",\"student\":{\"model\":\"m\"}}",
                "r.json")).hasMessage("r.json: field 'teacher' must name the teacher agent");
    }
}
