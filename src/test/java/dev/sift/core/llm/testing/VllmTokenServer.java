package dev.sift.core.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Scripts a {@link ScriptedOpenAiServer} as vLLM's token-level API, answering by path rather than in order:
 * {@code POST /tokenize} with a toy word tokenizer ({@link #encode}) and {@code POST /v1/completions} with
 * {@code prompt_logprobs} for token-id prompts, from a fixed function of the ids ({@link #logprob}). Each
 * position's object lists a more likely token (rank 1) before the prompt's own token, as vLLM does when
 * the prompt's token is not the top one. Every request is recorded.
 */
public final class VllmTokenServer extends Dispatcher {

    /** The id the toy tokenizer puts first when asked for special tokens. */
    public static final int BOS = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PIECE = Pattern.compile("\\s*\\S+|\\s+");

    private final int maxModelLength;
    private final boolean withTokenize;
    private final List<JsonNode> tokenizeBodies = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> completionBodies = Collections.synchronizedList(new ArrayList<>());

    private VllmTokenServer(int maxModelLength, boolean withTokenize) {
        this.maxModelLength = maxModelLength;
        this.withTokenize = withTokenize;
    }

    /** Makes {@code server} answer as vLLM serving a model with the given window. */
    public static VllmTokenServer install(ScriptedOpenAiServer server, int maxModelLength) {
        VllmTokenServer vllm = new VllmTokenServer(maxModelLength, true);
        server.server().setDispatcher(vllm);
        return vllm;
    }

    /** Makes {@code server} answer as a server with completions but no {@code /tokenize} (404, as FastAPI says). */
    public static VllmTokenServer installWithoutTokenize(ScriptedOpenAiServer server) {
        VllmTokenServer vllm = new VllmTokenServer(2048, false);
        server.server().setDispatcher(vllm);
        return vllm;
    }

    /** The toy tokenizer: words with their leading spaces, id from the text; BOS first when asked. */
    public static int[] encode(String text, boolean addSpecialTokens) {
        List<Integer> ids = new ArrayList<>();
        if (addSpecialTokens) {
            ids.add(BOS);
        }
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            ids.add(10 + Math.floorMod(m.group().hashCode(), 5000));
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The toy model: the natural-log probability of {@code ids[t]} after {@code ids[0..t-1]}, {@code t >= 1}. */
    public static double logprob(int[] ids, int t) {
        long context = 0;
        for (int i = 0; i < t; i++) {
            context = context * 31 + ids[i];
        }
        return -(0.05 + Math.floorMod(context * 7 + ids[t] * 13L + t, 97) / 20.0);
    }

    public List<JsonNode> tokenizeBodies() {
        synchronized (tokenizeBodies) {
            return List.copyOf(tokenizeBodies);
        }
    }

    public List<JsonNode> completionBodies() {
        synchronized (completionBodies) {
            return List.copyOf(completionBodies);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
        } catch (IOException e) {
            return json(400, "{\"error\":{\"message\":\"body is not JSON\"}}");
        }
        if (path.equals("/tokenize") && withTokenize) {
            tokenizeBodies.add(body);
            return tokenize(body);
        }
        if (path.equals("/v1/completions")) {
            completionBodies.add(body);
            return completions(body);
        }
        return json(404, "{\"detail\":\"Not Found\"}");
    }

    private MockResponse tokenize(JsonNode body) {
        int[] ids = encode(body.path("prompt").asText(), body.path("add_special_tokens").asBoolean(true));
        ObjectNode root = JSON.createObjectNode().put("count", ids.length).put("max_model_len", maxModelLength);
        ArrayNode tokens = root.putArray("tokens");
        for (int id : ids) {
            tokens.add(id);
        }
        return json(200, root.toString());
    }

    private MockResponse completions(JsonNode body) {
        ObjectNode root = JSON.createObjectNode().put("id", "cmpl-1").put("object", "text_completion")
                .put("model", body.path("model").asText());
        ArrayNode choices = root.putArray("choices");
        int index = 0;
        long promptTokens = 0;
        for (JsonNode prompt : body.path("prompt")) {
            int[] ids = new int[prompt.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = prompt.get(i).asInt();
            }
            if (ids.length + 1 > maxModelLength) {
                return json(400, "{\"object\":\"error\",\"message\":\"This model's maximum context length is "
                        + maxModelLength + " tokens.\",\"type\":\"BadRequestError\",\"code\":400}");
            }
            promptTokens += ids.length;
            ObjectNode choice = choices.addObject().put("index", index++).put("text", " x")
                    .put("finish_reason", "length");
            choice.putNull("logprobs");
            ArrayNode list = choice.putArray("prompt_logprobs");
            list.addNull();
            for (int t = 1; t < ids.length; t++) {
                ObjectNode position = list.addObject();
                int top = ids[t] == 7 ? 8 : 7;
                position.putObject(Integer.toString(top)).put("logprob", -0.01).put("rank", 1)
                        .put("decoded_token", "top");
                position.putObject(Integer.toString(ids[t])).put("logprob", logprob(ids, t)).put("rank", 2)
                        .put("decoded_token", "tok" + ids[t]);
            }
        }
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", index)
                .put("total_tokens", promptTokens + index);
        return json(200, root.toString());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
