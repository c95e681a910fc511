package dev.sift.core.llm;

import dev.sift.core.model.Message;
import java.util.List;
import java.util.Objects;

/** One chat-completion request to a model. */
public record ChatRequest(String model, List<Message> messages, ChatParameters parameters) {
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        Objects.requireNonNull(parameters, "parameters");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }
}
