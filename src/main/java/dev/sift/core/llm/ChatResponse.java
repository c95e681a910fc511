package dev.sift.core.llm;

import java.util.List;

/** The answer to a {@link ChatRequest}: at least one choice, the token usage, and the model that answered. */
public record ChatResponse(String model, List<Choice> choices, Usage usage) {
    public ChatResponse {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a response has at least one choice");
        }
    }

    /** The text of the first choice. */
    public String text() {
        return choices.get(0).text();
    }
}
