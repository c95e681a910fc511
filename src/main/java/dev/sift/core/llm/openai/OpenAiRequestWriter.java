package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.model.Message;
import java.util.OptionalLong;

/** Writes the JSON bodies of the OpenAI-compatible API. Empty parameters are left out, so server defaults apply. */
final class OpenAiRequestWriter {

    private OpenAiRequestWriter() {}

    /**
     * A {@code /chat/completions} body.
     *
     * @param n completions to ask for in this one request ({@code n} is only sent when above 1)
     * @param seed the seed for this request (the fan-out varies it per request)
     */
    static String chat(ChatRequest request, int n, OptionalLong seed, boolean stream) {
        ChatParameters p = request.parameters();
        ObjectNode body = Json.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role()).put("content", message.content());
        }
        p.maxTokens().ifPresent(v -> body.put("max_tokens", v));
        p.temperature().ifPresent(v -> body.put("temperature", v));
        p.topP().ifPresent(v -> body.put("top_p", v));
        seed.ifPresent(v -> body.put("seed", v));
        if (!p.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            p.stop().forEach(stop::add);
        }
        if (n > 1) {
            body.put("n", n);
        }
        if (p.logprobs()) {
            body.put("logprobs", true);
            if (p.topLogprobs() > 0) {
                body.put("top_logprobs", p.topLogprobs());
            }
        }
        p.responseFormat().ifPresent(type -> body.putObject("response_format").put("type", type));
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return Json.write(body);
    }

    /**
     * A legacy {@code /completions} body that echoes the prompt with its log-probs (vLLM). One token is
     * generated because some servers refuse {@code max_tokens: 0}; the parser drops it.
     */
    static String echo(String model, String text) {
        ObjectNode body = completion(model, text);
        body.put("echo", true);
        body.put("logprobs", 1);
        return Json.write(body);
    }

    /** A {@code /completions} body asking for vLLM's {@code prompt_logprobs}. */
    static String promptLogprobs(String model, String text) {
        ObjectNode body = completion(model, text);
        body.put("prompt_logprobs", 1);
        return Json.write(body);
    }

    private static ObjectNode completion(String model, String text) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("prompt", text);
        body.put("max_tokens", 1);
        body.put("temperature", 0.0);
        return body;
    }
}
