package dev.sift.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.Message;
import java.util.List;

/** The JSON form of a conversation in the {@code messages_json} column: [{"role":..,"content":..}]. */
final class MessagesJson {

    /** Created on first use: opening a project should not load the whole JSON data-binding stack. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
    private static final TypeReference<List<Message>> TYPE = new TypeReference<>() {};

    private MessagesJson() {}

    /** The store's shared JSON mapper. */
    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    static String write(List<Message> messages) {
        try {
            return Mapper.INSTANCE.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of messages always serialises", e);
        }
    }

    static List<Message> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return Mapper.INSTANCE.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt messages_json in the project file: " + e.getOriginalMessage(), e);
        }
    }
}
