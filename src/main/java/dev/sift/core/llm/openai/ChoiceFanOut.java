package dev.sift.core.llm.openai;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Gets {@code n} choices from servers with and without {@code n > 1}. It asks once with {@code n};
 * when the server refuses (HTTP 400/422/500 that speaks of {@code n} or of choices, as llama.cpp's
 * "Only one completion choice is allowed" does) or answers with fewer choices, it remembers that and
 * makes the missing ones as single requests, summing usage. With a seed, request {@code i} of the
 * fan-out uses {@code seed + i}, so samples differ yet a rerun repeats them. Thread-safe.
 */
final class ChoiceFanOut {

    /** One request for {@code n} choices; {@code indexOffset} shifts the choice indices a listener sees. */
    @FunctionalInterface
    interface Attempt {
        ChatResponse run(ChatRequest request, int n, OptionalLong seed, int indexOffset) throws LlmException;
    }

    /** "n", "n > 1", "only one completion choice", "choices": not "tool_choice". */
    private static final Pattern MENTIONS_N =
            Pattern.compile("\\bn\\b|\\bn\\s*[><=]|completion choice|one choice|\\bchoices\\b");

    private volatile boolean nUnsupported;

    boolean nUnsupported() {
        return nUnsupported;
    }

    ChatResponse collect(ChatRequest request, Attempt attempt) throws LlmException {
        int n = request.parameters().n();
        OptionalLong seed = request.parameters().seed();
        if (n == 1) {
            return attempt.run(request, 1, seed, 0);
        }
        List<Choice> choices = new ArrayList<>();
        Usage usage = Usage.NONE;
        String model = request.model();
        if (!nUnsupported) {
            try {
                ChatResponse response = attempt.run(request, n, seed, 0);
                if (response.choices().size() >= n) {
                    return response;
                }
                nUnsupported = true;
                choices.addAll(response.choices());
                usage = response.usage();
                model = response.model();
            } catch (HttpStatusException e) {
                if (!refusesN(e)) {
                    throw e;
                }
                nUnsupported = true;
            }
        }
        for (int i = choices.size(); i < n; i++) {
            OptionalLong seedOfThis = seed.isPresent() ? OptionalLong.of(seed.getAsLong() + i) : seed;
            ChatResponse response = attempt.run(request, 1, seedOfThis, i);
            choices.add(response.choices().get(0));
            usage = usage.plus(response.usage());
            model = response.model();
        }
        return new ChatResponse(model, choices, usage);
    }

    static boolean refusesN(HttpStatusException e) {
        int status = e.httpStatus();
        return (status == 400 || status == 422 || status == 500)
                && MENTIONS_N.matcher(e.serverMessage().toLowerCase(Locale.ROOT)).find();
    }
}
