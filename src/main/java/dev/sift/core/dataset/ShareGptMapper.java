package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ShareGPT / FastChat records: {@code conversations: [{from, value}, ...]}, optional top-level
 * {@code system} and {@code tools}. Speakers map to roles as {@link Conversation#role} says; a
 * {@code function_call} turn is an assistant turn and marks the record as using tools.
 *
 * <p>Sift's samples have no field for tool definitions, so {@code tools} is appended to the system
 * prompt after a "Tools:" line (the way chat templates present them to the model).
 */
final class ShareGptMapper implements JsonRecordMapper {

    private final Conversation conversation = new Conversation();
    private final List<String> keys = new ArrayList<>();

    @Override
    public SampleContent map(JsonRecordCursor cursor) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        conversation.reset();
        keys.clear();
        boolean sawConversations = false;
        String system = "";
        String tools = "";
        String category = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            p.nextToken();
            switch (name) {
                case "conversations" -> {
                    sawConversations = true;
                    readTurns(cursor);
                }
                case "system" -> system = JsonFields.text(cursor, name);
                case "tools" -> tools = JsonFields.jsonText(cursor);
                case "category" -> category = JsonFields.text(cursor, name);
                default -> p.skipChildren();
            }
        }
        if (!sawConversations) {
            throw cursor.recordError("conversations", "is missing (the record has "
                    + AlpacaMapper.describeKeys(keys) + ")");
        }
        if (!conversation.hasUserTurn()) {
            throw cursor.recordError("conversations",
                    "has no user turn (from \"human\" or \"user\"); the first user turn is the instruction");
        }
        return conversation.toContent(category, system, tools);
    }

    private void readTurns(JsonRecordCursor cursor) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        JsonFields.expectArray(cursor, "conversations", "turns {from, value}");
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String field = "conversations[" + i + "]";
            JsonFields.expectObject(cursor, field, "a turn {from, value}");
            int line = p.currentTokenLocation().getLineNr();
            String from = null;
            String value = null;
            JsonToken valueType = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("from")) {
                    from = JsonFields.string(cursor, field + ".from");
                } else if (name.equals("value")) {
                    valueType = t;
                    value = t.isStructStart() ? JsonFields.jsonText(cursor) : JsonFields.text(cursor, field + ".value");
                } else {
                    p.skipChildren();
                }
            }
            if (from == null || value == null) {
                String missing = from == null ? "'from' (who speaks)" : "'value' (the text)";
                throw new ImportException(cursor.path(), cursor.location(line), field, "has no " + missing);
            }
            addTurn(cursor, field, from, value, valueType);
            i++;
        }
    }

    private void addTurn(JsonRecordCursor cursor, String field, String from, String value, JsonToken valueType)
            throws ImportException {
        String role = Conversation.role(from);
        if (role == null) {
            throw cursor.error(field + ".from", "has unknown role '" + from + "'; expected one of "
                    + Conversation.KNOWN_ROLES);
        }
        boolean tool = Conversation.isToolRole(from);
        boolean isInstruction = role.equals(Message.USER) && !conversation.hasUserTurn();
        if (isInstruction || (!tool && valueType.isStructStart())) {
            if (valueType != JsonToken.VALUE_STRING && valueType != JsonToken.VALUE_NULL) {
                throw JsonFields.wrongType(cursor, field + ".value", valueType);
            }
        }
        if (isInstruction && value.isBlank()) {
            throw cursor.error(field + ".value", JsonFields.emptyInstruction(valueType));
        }
        conversation.add(role, value, tool);
    }
}
