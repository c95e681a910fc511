package dev.sift.core.model;

import java.util.Objects;

/** One turn of a conversation. Roles are lower-case: system, user, assistant, tool. */
public record Message(String role, String content) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    public static final String TOOL = "tool";

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
