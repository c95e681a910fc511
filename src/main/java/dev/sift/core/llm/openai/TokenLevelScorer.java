package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.llm.openai.Json.BadReply;
import java.util.List;
import java.util.Locale;

/**
 * Token-level scoring over vLLM's API: {@code POST /tokenize} at the server's root (beside {@code /v1})
 * with {@code {model, prompt, add_special_tokens}}, and {@code POST /v1/completions} with the prompts
 * as token-id lists, {@code max_tokens: 1} and {@code prompt_logprobs: 0}.
 *
 * <p>A server without these (llama.cpp server, whose {@code /tokenize} takes {@code content} and which
 * returns no prompt-token log-probs at all; Ollama; hosted APIs) fails UNSUPPORTED on the first call,
 * with a message naming the endpoint and pointing to vLLM or the in-process scorer; the answer is
 * remembered, so later calls fail the same way without a request. Thread-safe.
 */
final class TokenLevelScorer {

    static final String TOKENIZE = "/tokenize";
    static final String COMPLETIONS = "/completions";

    private final HttpCalls api;
    private final HttpCalls root;
    private final HttpErrors errors;
    private volatile String unsupported;

    /**
     * @param api calls below the API root ({@code .../v1})
     * @param root calls below the server's root, where vLLM serves {@code /tokenize}
     */
    TokenLevelScorer(HttpCalls api, HttpCalls root) {
        this.api = api;
        this.root = root;
        this.errors = api.errors();
    }

    /** The server's root: the base URL without a trailing {@code /v1}. */
    static String rootOf(String baseUrl) {
        return baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
    }

    Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        failIfUnsupported();
        String what = "POST " + TOKENIZE;
        ObjectNode body = Json.object().put("model", model).put("prompt", text)
                .put("add_special_tokens", addSpecialTokens);
        HttpReply reply = root.post(TOKENIZE, Json.write(body));
        if ((reply.code() == 404 || reply.code() == 405) && !namesTheModel(reply)) {
            throw markUnsupported("it has no " + TOKENIZE + " endpoint");
        }
        JsonNode answer = expectOk(what, reply);
        try {
            int[] ids = PromptLogprobsParser.tokens(answer);
            var maxModelLength = PromptLogprobsParser.maxModelLength(answer);
            if (ids.length == 0 && !text.isEmpty() && maxModelLength.isEmpty()) {
                // llama.cpp server reads "content", not "prompt", and answers an empty list.
                throw markUnsupported("its " + TOKENIZE + " is not vLLM's; llama.cpp server, for one, cannot "
                        + "return prompt-token log-probs");
            }
            return new Tokenization(ids, maxModelLength);
        } catch (BadReply e) {
            throw errors.malformed(what, e.getMessage());
        }
    }

    List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).length == 0) {
                throw new IllegalArgumentException("prompt " + i + " has no tokens");
            }
        }
        if (prompts.isEmpty()) {
            return List.of();
        }
        failIfUnsupported();
        String what = "POST " + COMPLETIONS;
        HttpReply reply = api.post(COMPLETIONS, body(model, prompts));
        if (reply.code() == 404 && !namesTheModel(reply)) {
            throw markUnsupported("it has no legacy completions endpoint");
        }
        if (!reply.isSuccessful() && refuses(reply)) {
            throw markUnsupported("it refuses prompt_logprobs for token-id prompts");
        }
        JsonNode answer = expectOk(what, reply);
        if (!PromptLogprobsParser.hasPromptLogprobs(answer)) {
            throw markUnsupported("it ignores prompt_logprobs");
        }
        try {
            return PromptLogprobsParser.promptLogprobs(answer, prompts);
        } catch (BadReply e) {
            throw errors.malformed(what, e.getMessage());
        }
    }

    /** The completions body: token-id prompts, one generated token (the least servers accept), no top-k. */
    static String body(String model, List<int[]> prompts) {
        ObjectNode body = Json.object().put("model", model);
        ArrayNode list = body.putArray("prompt");
        for (int[] ids : prompts) {
            ArrayNode one = list.addArray();
            for (int id : ids) {
                one.add(id);
            }
        }
        body.put("max_tokens", 1).put("temperature", 0.0).put("prompt_logprobs", 0);
        return Json.write(body);
    }

    /** vLLM answers 404 for a model it does not serve; that is the caller's mistake, not a missing feature. */
    private boolean namesTheModel(HttpReply reply) {
        return errors.serverMessage(reply.body()).toLowerCase(Locale.ROOT).contains("model");
    }

    private boolean refuses(HttpReply reply) {
        int code = reply.code();
        String said = errors.serverMessage(reply.body()).toLowerCase(Locale.ROOT);
        return (code == 400 || code == 422 || code == 501) && said.contains("prompt_logprobs");
    }

    private void failIfUnsupported() throws LlmException {
        String reason = unsupported;
        if (reason != null) {
            throw unsupported(reason);
        }
    }

    private LlmException markUnsupported(String reason) {
        unsupported = reason;
        return unsupported(reason);
    }

    private LlmException unsupported(String reason) {
        return new LlmException(Kind.UNSUPPORTED, errors.ref() + ": cannot score token ids (" + reason
                + "); token-level scoring such as IFD needs a vLLM server (" + TOKENIZE + " and prompt_logprobs), "
                + "or score with an in-process model folder");
    }

    private JsonNode expectOk(String what, HttpReply reply) throws LlmException {
        if (!reply.isSuccessful()) {
            throw errors.status(what, reply);
        }
        try {
            JsonNode answer = Json.parse(reply.body());
            JsonNode error = answer.isObject() ? OpenAiResponseParser.errorIn(answer) : null;
            if (error != null) {
                throw errors.errorObject(what, error);
            }
            if (!answer.isObject()) {
                throw errors.malformed(what, "answered with something other than a JSON object");
            }
            return answer;
        } catch (BadReply e) {
            throw errors.malformed(what, e.getMessage());
        }
    }
}
