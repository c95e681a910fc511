package dev.sift.core.llm.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void removesBearerTokensAssignmentsAndKeyShapedStrings() {
        assertThat(Redaction.redact("401 from server; sent Authorization: Bearer abc.def-123"))
                .isEqualTo("401 from server; sent Authorization: Bearer [redacted]");
        assertThat(Redaction.redact("GET /v1/models?api_key=XYZ123&x=1 failed"))
                .isEqualTo("GET /v1/models?api_key=[redacted]&x=1 failed");
        assertThat(Redaction.redact("{\"x-api-key\": \"k-123\"}")).isEqualTo("{\"x-api-key\": \"[redacted]\"}");
        assertThat(Redaction.redact("Incorrect API key provided: sk-proj-abcdefghij1234.")).isEqualTo(
                "Incorrect API key provided: [redacted].");
        assertThat(Redaction.redact("HTTP 500 from vllm: out of memory")).isEqualTo("HTTP 500 from vllm: out of memory");
        assertThat(Redaction.redact(null)).isNull();
    }
}
