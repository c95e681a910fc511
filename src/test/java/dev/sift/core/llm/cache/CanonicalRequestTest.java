package dev.sift.core.llm.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Message;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    private static final ChatParameters PARAMS =
            ChatParameters.defaults().withTemperature(0.7).withMaxTokens(256).withSeed(7).withStop(List.of("###"));
    private static final ChatRequest REQUEST = new ChatRequest("qwen2.5-7b",
            List.of(new Message("system", "Be brief."), new Message("user", "Say \"hi\" — ünïcode")), PARAMS);

    @Test
    void theFormIsSortedCompactAndPinned() {
        var canonical = CanonicalRequest.of(REQUEST, "group:gpu");
        assertThat(canonical.json()).isEqualTo("{\"messages\":[{\"content\":\"Be brief.\",\"role\":\"system\"},"
                + "{\"content\":\"Say \\\"hi\\\" — ünïcode\",\"role\":\"user\"}],\"model\":\"qwen2.5-7b\","
                + "\"parameters\":{\"logprobs\":false,\"max_tokens\":256,\"n\":1,\"seed\":7,\"stop\":[\"###\"],"
                + "\"temperature\":0.7,\"top_logprobs\":0},\"scope\":\"group:gpu\",\"v\":1}");
        assertThat(canonical.hash()).hasSize(64).matches("[0-9a-f]+");
        // the key must not drift between releases: a changed form needs a new VERSION
        assertThat(canonical.hash()).isEqualTo(CanonicalRequest.of(REQUEST, "group:gpu").hash());
    }

    @Test
    void mapKeyOrderDoesNotMatter() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", Map.of("y", true, "x", List.of(2, "s")));
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", List.of(2, "s"));
        inner.put("y", true);
        b.put("a", inner);
        b.put("b", 1);
        assertThat(CanonicalRequest.canonicalJson(a)).isEqualTo(CanonicalRequest.canonicalJson(b))
                .isEqualTo("{\"a\":{\"x\":[2,\"s\"],\"y\":true},\"b\":1}");
    }

    @Test
    void numbersAreNormalised() {
        assertThat(CanonicalRequest.canonicalJson(List.of(1.0, 1, 1L, new BigDecimal("1.000"), 0.70, -0.0, 1e21,
                1.5e-7, Double.NaN))).isEqualTo("[1,1,1,1,0.7,0,1000000000000000000000,0.00000015,\"NaN\"]");
        var withDouble = new ChatRequest("m", List.of(new Message("user", "x")), ChatParameters.defaults().withTemperature(1.0));
        assertThat(CanonicalRequest.of(withDouble, "s").json()).contains("\"temperature\":1,");
    }

    @Test
    void anyDifferenceInModelMessagesParametersSeedOrScopeChangesTheKey() {
        String base = CanonicalRequest.of(REQUEST, "group:gpu").hash();
        List<UnaryOperator<ChatParameters>> changes = List.of(
                p -> p.withSeed(8), p -> p.withTemperature(0.71), p -> p.withMaxTokens(255), p -> p.withTopP(0.9),
                p -> p.withStop(List.of("##")), p -> p.withN(2), p -> p.withLogprobs(0), p -> p.withLogprobs(5),
                p -> p.withResponseFormat("json_object"));
        for (UnaryOperator<ChatParameters> change : changes) {
            var changed = new ChatRequest(REQUEST.model(), REQUEST.messages(), change.apply(PARAMS));
            assertThat(CanonicalRequest.of(changed, "group:gpu").hash()).isNotEqualTo(base);
        }
        var noSeed = new ChatRequest(REQUEST.model(), REQUEST.messages(),
                ChatParameters.defaults().withTemperature(0.7).withMaxTokens(256).withStop(List.of("###")));
        assertThat(CanonicalRequest.of(noSeed, "group:gpu").hash()).isNotEqualTo(base);
        assertThat(CanonicalRequest.of(new ChatRequest("qwen2.5-14b", REQUEST.messages(), PARAMS), "group:gpu").hash())
                .isNotEqualTo(base);
        assertThat(CanonicalRequest.of(new ChatRequest(REQUEST.model(),
                List.of(new Message("system", "Be brief."), new Message("user", "Say \"hi\" — ünïcode ")), PARAMS),
                "group:gpu").hash()).isNotEqualTo(base);
        assertThat(CanonicalRequest.of(new ChatRequest(REQUEST.model(),
                List.of(new Message("user", "Be brief."), new Message("user", "Say \"hi\" — ünïcode")), PARAMS),
                "group:gpu").hash()).isNotEqualTo(base);
        assertThat(CanonicalRequest.of(REQUEST, "group:cpu").hash()).isNotEqualTo(base);
    }

    @Test
    void theScopeIsTheGroupWhenThereIsOneElseTheEndpointName() {
        var alone = Endpoint.openAi("vllm-a", "http://127.0.0.1:8000/v1", "");
        var grouped = new Endpoint(0, "vllm-b", alone.kind(), "http://10.0.0.2:8000/v1", "", "", 8,
                alone.requestsPerMinute(), alone.tokensPerMinute(), 0, 0, "qwen-pool");
        var sameGroupOtherUrl = new Endpoint(0, "vllm-c", alone.kind(), "http://10.0.0.3:9000/v1", "", "", 8,
                alone.requestsPerMinute(), alone.tokensPerMinute(), 0, 0, "qwen-pool");
        assertThat(CanonicalRequest.scopeOf(alone)).isEqualTo("endpoint:vllm-a");
        assertThat(CanonicalRequest.scopeOf(grouped)).isEqualTo("group:qwen-pool")
                .isEqualTo(CanonicalRequest.scopeOf(sameGroupOtherUrl));
    }
}
