package dev.sift.core.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.openai.Json.BadReply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the answers of vLLM's token-level endpoints: {@code /tokenize}
 * ({@code {"tokens": [...], "max_model_len": N}}) and {@code /v1/completions} with
 * {@code prompt_logprobs}, where each choice holds a list with {@code null} for the first prompt token
 * and, for every later one, an object keyed by token id (as a string) whose values are
 * {@code {"logprob", "rank", "decoded_token"}}. That object holds the prompt's own token and may hold
 * more likely ones too, in any order; the prompt's token is found by its id, never by rank or position.
 */
final class PromptLogprobsParser {

    private PromptLogprobsParser() {}

    /** The ids of a {@code /tokenize} answer, and its {@code max_model_len} when present. */
    static int[] tokens(JsonNode root) throws BadReply {
        JsonNode tokens = root.path("tokens");
        if (!tokens.isArray()) {
            throw new BadReply("answered without a \"tokens\" list");
        }
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = tokens.get(i);
            if (!id.canConvertToInt() || !id.isIntegralNumber()) {
                throw new BadReply("answered with a token id that is not an integer at position " + i);
            }
            ids[i] = id.asInt();
        }
        return ids;
    }

    static OptionalInt maxModelLength(JsonNode root) {
        JsonNode value = root.get("max_model_len");
        return value != null && value.isIntegralNumber() && value.asInt() > 0
                ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    /** Whether any choice carries {@code prompt_logprobs} (a server that ignores the parameter sends none). */
    static boolean hasPromptLogprobs(JsonNode root) {
        for (JsonNode choice : root.path("choices")) {
            if (choice.path("prompt_logprobs").isArray()) {
                return true;
            }
        }
        return root.path("prompt_logprobs").isArray();
    }

    /**
     * One array of natural-log log-probs per prompt, in the order the prompts were sent (choices are
     * matched by their {@code index}); element 0 is NaN.
     *
     * @throws BadReply naming the prompt and position when the answer does not fit the prompts
     */
    static List<double[]> promptLogprobs(JsonNode root, List<int[]> prompts) throws BadReply {
        JsonNode choicesNode = root.path("choices");
        if (!choicesNode.isArray() || choicesNode.size() != prompts.size()) {
            throw new BadReply("answered with " + (choicesNode.isArray() ? choicesNode.size() : 0) + " choices for "
                    + prompts.size() + " prompts");
        }
        List<JsonNode> choices = new ArrayList<>();
        choicesNode.forEach(choices::add);
        choices.sort(Comparator.comparingInt(c -> c.path("index").asInt(0)));
        List<double[]> result = new ArrayList<>(prompts.size());
        for (int p = 0; p < prompts.size(); p++) {
            result.add(logprobs(choices.get(p).path("prompt_logprobs"), prompts.get(p), p));
        }
        return List.copyOf(result);
    }

    private static double[] logprobs(JsonNode list, int[] ids, int prompt) throws BadReply {
        if (!list.isArray()) {
            throw new BadReply("sent no prompt_logprobs for prompt " + prompt);
        }
        if (list.size() != ids.length) {
            throw new BadReply("sent " + list.size() + " prompt_logprobs for prompt " + prompt + " of " + ids.length
                    + " tokens");
        }
        double[] logprobs = new double[ids.length];
        Arrays.fill(logprobs, Double.NaN);
        for (int t = 1; t < ids.length; t++) {
            JsonNode entry = list.get(t).get(Integer.toString(ids[t]));
            Double logprob = Json.number(entry, "logprob");
            if (logprob == null) {
                throw new BadReply("sent no log-prob for token id " + ids[t] + " at position " + t + " of prompt "
                        + prompt);
            }
            logprobs[t] = logprob;
        }
        return logprobs;
    }
}
