package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.TokenLogprob.Alternative;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.openai.Json.BadReply;
import dev.sift.core.llm.openai.LogprobsParser.RawToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Teacher-forced scoring over {@code /completions}: first {@code echo} + {@code logprobs} (vLLM and
 * other legacy-completions servers), then vLLM's {@code prompt_logprobs}. The first call finds out
 * which one works and the answer is remembered, so a server that can do neither (llama.cpp server,
 * Ollama) fails UNSUPPORTED on the first call and without a request afterwards. Thread-safe.
 */
final class EchoScorer {

    private enum Mode { UNKNOWN, ECHO, PROMPT_LOGPROBS, UNSUPPORTED }

    static final String PATH = "/completions";
    private static final String WHAT = "POST " + PATH;

    private final HttpCalls calls;
    private final HttpErrors errors;
    private volatile Mode mode = Mode.UNKNOWN;
    private volatile String unsupportedReason = "";

    EchoScorer(HttpCalls calls) {
        this.calls = calls;
        this.errors = calls.errors();
    }

    ScoreResult score(ScoreRequest request) throws LlmException {
        String full = request.prompt() + request.continuation();
        switch (mode) {
            case UNSUPPORTED:
                throw unsupported(unsupportedReason);
            case ECHO:
                return fromEcho(expectOk(calls.post(PATH, OpenAiRequestWriter.echo(request.model(), full))), request)
                        .orElseThrow(() -> errors.malformed(WHAT, "stopped echoing the prompt's log-probs"));
            case PROMPT_LOGPROBS:
                return fromPromptLogprobs(expectOk(calls.post(PATH, OpenAiRequestWriter.promptLogprobs(request.model(), full))), request)
                        .orElseThrow(() -> errors.malformed(WHAT, "stopped sending prompt_logprobs"));
            default:
                return probe(request, full);
        }
    }

    private ScoreResult probe(ScoreRequest request, String full) throws LlmException {
        HttpReply reply = calls.post(PATH, OpenAiRequestWriter.echo(request.model(), full));
        if (reply.code() == 404) {
            throw markUnsupported("no legacy completions endpoint");
        }
        if (reply.isSuccessful()) {
            Optional<ScoreResult> result = fromEcho(expectOk(reply), request);
            if (result.isPresent()) {
                mode = Mode.ECHO;
                return result.get();
            }
        } else {
            String said = errors.serverMessage(reply.body());
            if (said.contains("Unsupported param: echo")) {
                throw markUnsupported("llama.cpp server: echo unsupported");
            }
            if (!refuses(reply, said, "echo")) {
                throw errors.status(WHAT, reply);
            }
        }
        reply = calls.post(PATH, OpenAiRequestWriter.promptLogprobs(request.model(), full));
        if (reply.isSuccessful()) {
            Optional<ScoreResult> result = fromPromptLogprobs(expectOk(reply), request);
            if (result.isPresent()) {
                mode = Mode.PROMPT_LOGPROBS;
                return result.get();
            }
            throw markUnsupported("echo and prompt_logprobs are ignored");
        }
        if (reply.code() == 404 || refuses(reply, errors.serverMessage(reply.body()), "prompt_logprobs")) {
            throw markUnsupported("echo and prompt_logprobs are refused");
        }
        throw errors.status(WHAT, reply);
    }

    private static boolean refuses(HttpReply reply, String said, String param) {
        int code = reply.code();
        return (code == 400 || code == 422 || code == 500 || code == 501)
                && said.toLowerCase(Locale.ROOT).contains(param);
    }

    private LlmException markUnsupported(String reason) {
        unsupportedReason = reason;
        mode = Mode.UNSUPPORTED;
        return unsupported(reason);
    }

    private LlmException unsupported(String reason) {
        return new LlmException(Kind.UNSUPPORTED, errors.ref() + ": cannot return prompt-token log-probs ("
                + reason + "); score with an in-process model or a vLLM endpoint");
    }

    private JsonNode expectOk(HttpReply reply) throws LlmException {
        if (!reply.isSuccessful()) {
            throw errors.status(WHAT, reply);
        }
        try {
            JsonNode root = Json.parse(reply.body());
            JsonNode error = OpenAiResponseParser.errorIn(root);
            if (error != null) {
                throw errors.errorObject(WHAT, error);
            }
            return root;
        } catch (BadReply e) {
            throw errors.malformed(WHAT, e.getMessage());
        }
    }

    /** The echoed prompt's legacy log-probs, or empty when the server did not echo. */
    static Optional<ScoreResult> fromEcho(JsonNode root, ScoreRequest request) {
        JsonNode choice = root.path("choices").path(0);
        JsonNode logprobs = choice.path("logprobs");
        if (!logprobs.path("tokens").isArray() || logprobs.path("tokens").isEmpty()) {
            return Optional.empty();
        }
        List<RawToken> tokens = LogprobsParser.legacy(logprobs);
        Usage usage = OpenAiResponseParser.usage(root.get("usage"));
        String full = request.prompt() + request.continuation();
        boolean textEchoed = Json.text(choice, "text").orElse("").startsWith(full);
        long promptTokens = usage.promptTokens();
        int promptCount;
        if (promptTokens > 0 && promptTokens < tokens.size()) {
            promptCount = (int) promptTokens;
        } else if (promptTokens > 0 && promptTokens == tokens.size() && textEchoed) {
            promptCount = tokens.size();
        } else if (promptTokens == 0 && textEchoed) {
            int total = codePoints(full);
            boolean offsets = tokens.stream().allMatch(t -> t.offset() >= 0);
            promptCount = offsets ? (int) tokens.stream().filter(t -> t.offset() < total).count() : tokens.size() - 1;
        } else {
            return Optional.empty();
        }
        return Optional.of(align(OpenAiResponseParser.modelOf(root, request.model()),
                tokens.subList(0, promptCount), request.prompt(), full));
    }

    /** vLLM's {@code prompt_logprobs}: a null first entry, then {@code {id: {logprob, rank, decoded_token}}}. */
    static Optional<ScoreResult> fromPromptLogprobs(JsonNode root, ScoreRequest request) {
        JsonNode choice = root.path("choices").path(0);
        JsonNode list = choice.has("prompt_logprobs") ? choice.get("prompt_logprobs") : root.get("prompt_logprobs");
        if (list == null || !list.isArray() || list.isEmpty()) {
            return Optional.empty();
        }
        JsonNode ids = choice.has("prompt_token_ids") ? choice.get("prompt_token_ids") : root.path("prompt_token_ids");
        List<RawToken> tokens = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (entry == null || !entry.isObject() || entry.isEmpty()) {
                tokens.add(new RawToken("", null, -1, List.of()));
                continue;
            }
            JsonNode id = ids.path(i);
            // Without token ids, the prompt token is the first entry: vLLM puts it before the top-k.
            String key = id.canConvertToLong() && entry.has(id.asText()) ? id.asText() : entry.fieldNames().next();
            JsonNode actual = entry.get(key);
            List<Alternative> top = new ArrayList<>();
            for (Map.Entry<String, JsonNode> other : entry.properties()) {
                JsonNode value = other.getValue();
                if (value.path("rank").asInt(1) <= 1 && Json.number(value, "logprob") != null) {
                    top.add(new Alternative(Json.text(value, "decoded_token").orElse(""), value.get("logprob").asDouble()));
                }
            }
            tokens.add(new RawToken(Json.text(actual, "decoded_token").orElse(""), Json.number(actual, "logprob"), -1, top));
        }
        return Optional.of(align(OpenAiResponseParser.modelOf(root, request.model()), tokens,
                request.prompt(), request.prompt() + request.continuation()));
    }

    /**
     * Picks the continuation's tokens out of the prompt's. Offsets count characters (code points, as
     * servers written in Python do); without them, tokens are laid out backwards from the end of the
     * text, which survives an unknown first token. A token belongs to the continuation when it covers
     * at least one of its characters (a token straddling the boundary counts); tokens without a
     * log-prob (the very first one) are left out.
     */
    static ScoreResult align(String model, List<RawToken> tokens, String prompt, String full) {
        int boundary = codePoints(prompt);
        int total = codePoints(full);
        int n = tokens.size();
        int[] start = new int[n];
        boolean offsets = tokens.stream().allMatch(t -> t.offset() >= 0);
        int end = total;
        for (int i = n - 1; i >= 0; i--) {
            start[i] = offsets ? tokens.get(i).offset() : end - codePoints(tokens.get(i).token());
            end = start[i];
        }
        List<TokenLogprob> continuation = new ArrayList<>();
        int first = n;
        for (int i = 0; i < n; i++) {
            int tokenEnd = i + 1 < n ? start[i + 1] : total;
            if (tokenEnd > boundary) {
                first = Math.min(first, i);
                RawToken token = tokens.get(i);
                if (token.logprob() != null) {
                    continuation.add(new TokenLogprob(token.token(), token.logprob(), token.top()));
                }
            }
        }
        return new ScoreResult(model, continuation, first);
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
