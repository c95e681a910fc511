package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Finds model servers on this machine: probes the usual ports of 127.0.0.1 (never another host) in
 * parallel with {@code GET /v1/models}, then tells the kind of server from the answer ({@code owned_by},
 * headers) or, failing that, from {@code GET /} ("Ollama is running") and llama.cpp's {@code /props}.
 *
 * <p>{@link #detect()} blocks for at most about twice the timeout. Closed ports, non-HTTP listeners
 * and servers that do not answer like an OpenAI-compatible server are left out. Thread-safe.
 */
public final class LocalServerDetector {

    /** Ollama, llama.cpp server, vLLM, LM Studio, SGLang. */
    public static final List<Integer> DEFAULT_PORTS = List.of(11434, 8080, 8000, 1234, 30000);

    private final List<Integer> ports;
    private final Duration timeout;
    private final OkHttpClient http;

    /** The default ports, 800 ms per probe. */
    public LocalServerDetector() {
        this(DEFAULT_PORTS, Duration.ofMillis(800));
    }

    /** @param timeout for each round of probes (connect, read and whole call) */
    public LocalServerDetector(List<Integer> ports, Duration timeout) {
        this.ports = List.copyOf(ports);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = SharedHttpClient.withTimeouts(new HttpTimeouts(timeout, timeout, timeout));
    }

    /**
     * The servers that answered, in the order of the ports.
     *
     * @throws InterruptedException when the calling thread is interrupted; the probes are cancelled
     */
    public List<DetectedServer> detect() throws InterruptedException {
        Map<Integer, String> modelUrls = new LinkedHashMap<>();
        ports.forEach(port -> modelUrls.put(port, root(port) + "/v1/models"));
        Map<Integer, HttpReply> models = getAll(modelUrls);

        Map<Integer, List<String>> ids = new LinkedHashMap<>();
        Map<Integer, ServerKind> kinds = new LinkedHashMap<>();
        Map<Integer, String> followUps = new LinkedHashMap<>();
        for (Map.Entry<Integer, HttpReply> answer : models.entrySet()) {
            Optional<JsonNode> json = Json.tryParse(answer.getValue().body()).filter(JsonNode::isObject);
            if (!answer.getValue().isSuccessful() || json.isEmpty()) {
                continue;
            }
            int port = answer.getKey();
            try {
                ids.put(port, OpenAiResponseParser.modelIds(json.get()));
            } catch (Json.BadReply notAModelList) {
                continue;
            }
            ServerKind kind = kindFromModels(answer.getValue(), json.get());
            kinds.put(port, kind);
            if (kind == ServerKind.UNKNOWN) {
                // keyed by port for the root page and by -port for llama.cpp's /props
                followUps.put(port, root(port) + "/");
                followUps.put(-port, root(port) + "/props");
            }
        }
        if (!followUps.isEmpty()) {
            Map<Integer, HttpReply> more = getAll(followUps);
            for (Integer port : kinds.keySet()) {
                HttpReply home = more.get(port);
                HttpReply props = more.get(-port);
                if (home != null && home.isSuccessful() && home.body().contains("Ollama is running")) {
                    kinds.put(port, ServerKind.OLLAMA);
                } else if (props != null && props.isSuccessful() && isLlamaCppProps(props.body())) {
                    kinds.put(port, ServerKind.LLAMA_CPP);
                }
            }
        }
        List<DetectedServer> found = new ArrayList<>();
        kinds.forEach((port, kind) -> found.add(new DetectedServer(kind, root(port) + "/v1", ids.get(port))));
        return found;
    }

    static ServerKind kindFromModels(HttpReply reply, JsonNode root) {
        String server = Optional.ofNullable(reply.headers().get("Server")).orElse("").toLowerCase(Locale.ROOT);
        if (server.contains("llama.cpp")) {
            return ServerKind.LLAMA_CPP;
        }
        for (JsonNode model : root.path("data")) {
            String owner = model.path("owned_by").asText("").toLowerCase(Locale.ROOT);
            switch (owner) {
                case "llamacpp", "llama.cpp" -> {
                    return ServerKind.LLAMA_CPP;
                }
                case "vllm" -> {
                    return ServerKind.VLLM;
                }
                case "sglang" -> {
                    return ServerKind.SGLANG;
                }
                case "organization_owner" -> {
                    return ServerKind.LM_STUDIO;
                }
                case "library", "ollama" -> {
                    return ServerKind.OLLAMA;
                }
                default -> {
                    if (model.has("meta") && model.path("meta").has("n_vocab")) {
                        return ServerKind.LLAMA_CPP;
                    }
                    if (model.has("max_model_len")) {
                        return ServerKind.VLLM;
                    }
                }
            }
        }
        return ServerKind.UNKNOWN;
    }

    private static boolean isLlamaCppProps(String body) {
        return Json.tryParse(body).map(p -> p.has("default_generation_settings") || p.has("build_info")).orElse(false);
    }

    private static String root(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** GETs every URL at once; answers within the timeout come back, failures and stragglers do not. */
    private Map<Integer, HttpReply> getAll(Map<Integer, String> urls) throws InterruptedException {
        Map<Integer, Call> calls = new LinkedHashMap<>();
        Map<Integer, CompletableFuture<HttpReply>> replies = new LinkedHashMap<>();
        urls.forEach((key, url) -> {
            Call call = http.newCall(new Request.Builder().url(url).get().build());
            CompletableFuture<HttpReply> reply = new CompletableFuture<>();
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                    reply.complete(null);
                }

                @Override
                public void onResponse(Call c, Response response) {
                    try (response) {
                        reply.complete(new HttpReply(response.code(), response.headers(), response.body().string()));
                    } catch (IOException | RuntimeException e) {
                        reply.complete(null);
                    }
                }
            });
            calls.put(key, call);
            replies.put(key, reply);
        });
        try {
            CompletableFuture.allOf(replies.values().toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stragglers) {
            // whatever answered in time is used below
        } catch (InterruptedException e) {
            calls.values().forEach(Call::cancel);
            throw e;
        }
        Map<Integer, HttpReply> answered = new LinkedHashMap<>();
        replies.forEach((key, reply) -> {
            HttpReply value = reply.getNow(null);
            if (value != null) {
                answered.put(key, value);
            } else {
                calls.get(key).cancel();
            }
        });
        return answered;
    }
}
