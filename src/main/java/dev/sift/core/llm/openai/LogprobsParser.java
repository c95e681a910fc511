package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.TokenLogprob.Alternative;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads token log-probabilities in the shapes servers actually send, leniently (absent optional
 * fields are skipped, not errors):
 * <ul>
 *   <li>chat: {@code "logprobs": {"content": [{"token", "logprob", "bytes", "top_logprobs": [...]}]}}
 *       (OpenAI, vLLM, llama.cpp), also with the list directly under {@code logprobs} or on the
 *       choice itself, and llama.cpp's native {@code completion_probabilities} with {@code prob}s;
 *   <li>legacy completions: {@code {"tokens", "token_logprobs", "top_logprobs": [{tok: lp}],
 *       "text_offset"}}, whose first echoed entry has a null log-prob.
 * </ul>
 */
final class LogprobsParser {

    /** A token as the legacy shape gives it: log-prob may be null, offset is -1 when not given. */
    record RawToken(String token, Double logprob, int offset, List<Alternative> top) {}

    private LogprobsParser() {}

    /** The generated tokens of one choice (chat or completions), empty when none were sent. */
    static List<TokenLogprob> generated(JsonNode choice) {
        JsonNode logprobs = choice.get("logprobs");
        if (logprobs != null && logprobs.isObject()) {
            JsonNode content = logprobs.get("content");
            if (content != null && content.isArray()) {
                return contentList(content);
            }
            if (logprobs.path("tokens").isArray()) {
                List<TokenLogprob> out = new ArrayList<>();
                for (RawToken raw : legacy(logprobs)) {
                    if (raw.logprob() != null) {
                        out.add(new TokenLogprob(raw.token(), raw.logprob(), raw.top()));
                    }
                }
                return out;
            }
        }
        if (logprobs != null && logprobs.isArray()) {
            return contentList(logprobs);
        }
        for (String field : new String[] {"content", "completion_probabilities"}) {
            JsonNode list = choice.get(field);
            if (list != null && list.isArray()) {
                return contentList(list);
            }
        }
        return List.of();
    }

    /** The {@code [{"token","logprob","bytes","top_logprobs"}]} list, skipping entries without a log-prob. */
    static List<TokenLogprob> contentList(JsonNode list) {
        List<TokenLogprob> out = new ArrayList<>();
        for (JsonNode entry : list) {
            Double logprob = logprobOf(entry);
            if (logprob == null) {
                continue;
            }
            List<Alternative> top = new ArrayList<>();
            JsonNode alternatives = entry.has("top_logprobs") ? entry.get("top_logprobs") : entry.get("probs");
            if (alternatives != null && alternatives.isArray()) {
                for (JsonNode alternative : alternatives) {
                    Double lp = logprobOf(alternative);
                    if (lp != null) {
                        top.add(new Alternative(tokenOf(alternative), lp));
                    }
                }
            }
            out.add(new TokenLogprob(tokenOf(entry), logprob, top));
        }
        return out;
    }

    /** The legacy completions shape, one entry per token, nulls kept. */
    static List<RawToken> legacy(JsonNode logprobs) {
        JsonNode tokens = logprobs.path("tokens");
        JsonNode values = logprobs.path("token_logprobs");
        JsonNode tops = logprobs.path("top_logprobs");
        JsonNode offsets = logprobs.path("text_offset");
        List<RawToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode value = values.path(i);
            Double logprob = value.isNumber() ? value.asDouble() : null;
            JsonNode offset = offsets.path(i);
            out.add(new RawToken(tokens.get(i).asText(""), logprob,
                    offset.canConvertToInt() ? offset.asInt() : -1, alternatives(tops.path(i))));
        }
        return out;
    }

    /** A {@code {token: logprob}} map (legacy top_logprobs) as alternatives, most likely first. */
    static List<Alternative> alternatives(JsonNode map) {
        List<Alternative> out = new ArrayList<>();
        if (map != null && map.isObject()) {
            for (Map.Entry<String, JsonNode> field : map.properties()) {
                if (field.getValue().isNumber()) {
                    out.add(new Alternative(field.getKey(), field.getValue().asDouble()));
                }
            }
        }
        out.sort((a, b) -> Double.compare(b.logprob(), a.logprob()));
        return out;
    }

    private static Double logprobOf(JsonNode entry) {
        Double logprob = Json.number(entry, "logprob");
        if (logprob != null) {
            return logprob;
        }
        Double prob = Json.number(entry, "prob");
        return prob == null ? null : Math.log(prob);
    }

    private static String tokenOf(JsonNode entry) {
        for (String field : new String[] {"token", "tok_str", "content"}) {
            JsonNode value = entry.get(field);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        JsonNode bytes = entry.get("bytes");
        if (bytes != null && bytes.isArray()) {
            byte[] raw = new byte[bytes.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) bytes.get(i).asInt();
            }
            return new String(raw, StandardCharsets.UTF_8);
        }
        return "";
    }
}
