package dev.sift.core.llm.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Message;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The canonical JSON of a chat request and its SHA-256, the request cache's key.
 *
 * <p><b>What the key covers.</b> The model, every message (role and exact text), every decoding
 * parameter including the seed, a format version, and a <em>scope</em>: the endpoint's group when it
 * has one ({@code group:NAME}), else the endpoint's name ({@code endpoint:NAME}). The scope is there
 * because one model id on two servers is not one model (a quantised GGUF in Ollama and the full
 * weights in vLLM both answer to "llama3"), so an answer from one must not stand in for the other.
 * Endpoints of a group serve the same models by definition and are used interchangeably, so the
 * group is the scope: spreading calls over replicas, or resuming on another one, still hits the
 * cache. The base URL is left out on purpose: it changes when a server moves port or host without
 * the model changing. Renaming an endpoint (or moving it to another group) therefore starts a
 * fresh cache for it.
 *
 * <p><b>Form.</b> Object keys sorted, no whitespace, absent parameters left out, numbers normalised
 * (integral values without a fraction, no exponent, no trailing zeros: {@code 1.0} and {@code 1}
 * are the same, {@code 0.70} is {@code 0.7}); non-finite numbers become strings. Text is UTF-8 as
 * given, with no Unicode normalisation. The form holds no header and no key, so it is stored as the
 * call log's {@code request_json}.
 *
 * <p>A repeated identical request is answered from the cache. To draw several different samples
 * for the same prompt, give each its own seed (or turn caching off for the run).
 */
public final class CanonicalRequest {

    /** Bumped whenever the form changes, so old and new keys never collide. */
    public static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private final String json;
    private final String hash;

    private CanonicalRequest(String json) {
        this.json = json;
        this.hash = sha256(json);
    }

    /** The canonical form of {@code request} sent within {@code scope} (see {@link #scopeOf}). */
    public static CanonicalRequest of(ChatRequest request, String scope) {
        Objects.requireNonNull(scope, "scope");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("v", VERSION);
        tree.put("scope", scope);
        tree.put("model", request.model());
        List<Object> messages = new ArrayList<>();
        for (Message m : request.messages()) {
            messages.add(Map.of("role", m.role(), "content", m.content()));
        }
        tree.put("messages", messages);
        tree.put("parameters", parameters(request.parameters()));
        return new CanonicalRequest(canonicalJson(tree));
    }

    /** The cache scope of an endpoint: {@code group:NAME} when it is in a group, else {@code endpoint:NAME}. */
    public static String scopeOf(Endpoint endpoint) {
        return endpoint.group().isEmpty() ? "endpoint:" + endpoint.name() : "group:" + endpoint.group();
    }

    private static Map<String, Object> parameters(ChatParameters p) {
        Map<String, Object> map = new LinkedHashMap<>();
        p.maxTokens().ifPresent(v -> map.put("max_tokens", v));
        p.temperature().ifPresent(v -> map.put("temperature", v));
        p.topP().ifPresent(v -> map.put("top_p", v));
        p.seed().ifPresent(v -> map.put("seed", v));
        if (!p.stop().isEmpty()) {
            map.put("stop", p.stop());
        }
        map.put("n", p.n());
        map.put("logprobs", p.logprobs());
        map.put("top_logprobs", p.topLogprobs());
        p.responseFormat().ifPresent(v -> map.put("response_format", v));
        return map;
    }

    /** The canonical JSON text; safe to store and to show. */
    public String json() {
        return json;
    }

    /** Lower-case hex SHA-256 of the UTF-8 JSON text. */
    public String hash() {
        return hash;
    }

    /**
     * Writes a tree of maps (keys sorted), lists (order kept), strings, booleans, numbers and nulls
     * in the canonical form.
     *
     * @throws IllegalArgumentException for any other kind of value
     */
    static String canonicalJson(Object tree) {
        var out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            g.writeStartObject();
            for (var entry : sorted.entrySet()) {
                g.writeFieldName(entry.getKey());
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Number n) {
            writeNumber(g, n);
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getSimpleName());
        }
    }

    private static void writeNumber(JsonGenerator g, Number n) throws IOException {
        BigDecimal decimal;
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                g.writeString(Double.toString(d));
                return;
            }
            decimal = new BigDecimal(Double.toString(d));
        } else if (n instanceof BigDecimal big) {
            decimal = big;
        } else {
            decimal = new BigDecimal(n.toString());
        }
        decimal = decimal.stripTrailingZeros();
        g.writeNumber(decimal.signum() == 0 ? "0" : decimal.toPlainString());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hash;
    }
}
