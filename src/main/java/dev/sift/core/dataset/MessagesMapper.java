package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI / Hugging Face chat records: {@code messages: [{role, content}, ...]}. {@code messages} may
 * also be a string holding that array as JSON. {@code content} may be a list of parts, of which
 * only {@code {type: "text", text}} parts are accepted (joined by newlines). An assistant turn's
 * {@code tool_calls} (or legacy {@code function_call}) are kept as JSON text in its content.
 * Optional top-level {@code system} and {@code tools} are handled as for ShareGPT.
 */
final class MessagesMapper implements JsonRecordMapper {

    private final Conversation conversation = new Conversation();
    private final List<String> keys = new ArrayList<>();
    private final StringBuilder parts = new StringBuilder();

    @Override
    public SampleContent map(JsonRecordCursor cursor) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        conversation.reset();
        keys.clear();
        boolean sawMessages = false;
        String system = "";
        String tools = "";
        String category = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            JsonToken t = p.nextToken();
            switch (name) {
                case "messages" -> {
                    sawMessages = true;
                    if (t == JsonToken.VALUE_STRING) {
                        readEncoded(cursor, p.getText());
                    } else {
                        JsonFields.expectArray(cursor, "messages", "turns {role, content} (or a JSON string holding one)");
                        readTurns(cursor, p);
                    }
                }
                case "system" -> system = JsonFields.text(cursor, name);
                case "tools" -> tools = JsonFields.jsonText(cursor);
                case "category" -> category = JsonFields.text(cursor, name);
                default -> p.skipChildren();
            }
        }
        if (!sawMessages) {
            throw cursor.recordError("messages", "is missing (the record has " + AlpacaMapper.describeKeys(keys) + ")");
        }
        if (!conversation.hasUserTurn()) {
            throw cursor.recordError("messages",
                    "has no user turn (role \"user\"); the first user turn is the instruction");
        }
        return conversation.toContent(category, system, tools);
    }

    /** {@code messages} given as a JSON string: parse it with a parser of its own. */
    private void readEncoded(JsonRecordCursor cursor, String json) throws IOException, ImportException {
        try (JsonParser inner = JsonRecordCursor.FACTORY.createParser(json)) {
            JsonToken t = inner.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw cursor.error("messages", "is a string, but it does not hold a JSON array of turns (found "
                        + ImportErrors.describe(t) + ")");
            }
            readTurns(cursor, inner);
            if (inner.nextToken() != null) {
                throw cursor.error("messages", "is a string with unexpected content after its JSON array");
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException e) {
            String problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                    ? jpe.getOriginalMessage() : e.getMessage();
            throw new ImportException(cursor.path(), cursor.tokenLocation(), "messages",
                    "is a string, but not valid JSON: " + ImportErrors.firstLine(problem == null ? "" : problem), e);
        }
    }

    private void readTurns(JsonRecordCursor cursor, JsonParser p) throws IOException, ImportException {
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String field = "messages[" + i + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw cursor.error(field, "must be a turn {role, content}, found "
                        + ImportErrors.describe(p.currentToken()));
            }
            readTurn(cursor, p, field);
            i++;
        }
    }

    private void readTurn(JsonRecordCursor cursor, JsonParser p, String field) throws IOException, ImportException {
        String role = null;
        String content = null;
        JsonToken contentType = null;
        String toolCalls = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "role" -> role = readString(cursor, p, field + ".role");
                case "content" -> {
                    contentType = t;
                    content = t == JsonToken.START_ARRAY ? readParts(cursor, p, field + ".content")
                            : readScalar(cursor, p, field + ".content");
                }
                case "tool_calls", "function_call" -> toolCalls = JsonFields.valueAsText(p);
                default -> p.skipChildren();
            }
        }
        if (role == null) {
            throw cursor.error(field, "has no 'role' (system, user, assistant or tool)");
        }
        String mapped = Conversation.role(role);
        if (mapped == null) {
            throw cursor.error(field + ".role", "has unknown role '" + role + "'; expected one of "
                    + Conversation.KNOWN_ROLES);
        }
        if (content == null && toolCalls.isEmpty()) {
            throw cursor.error(field, "has no 'content'");
        }
        String text = content == null ? "" : content;
        boolean isInstruction = mapped.equals(Message.USER) && !conversation.hasUserTurn();
        if (isInstruction && contentType != null && contentType.isScalarValue()
                && contentType != JsonToken.VALUE_STRING && contentType != JsonToken.VALUE_NULL) {
            throw JsonFields.wrongType(cursor, field + ".content", contentType);
        }
        if (isInstruction && text.isBlank()) {
            throw cursor.error(field + ".content", JsonFields.emptyInstruction(contentType));
        }
        if (!toolCalls.isEmpty()) {
            text = text.isEmpty() ? toolCalls : text + "\n\n" + toolCalls;
        }
        conversation.add(mapped, text, !toolCalls.isEmpty() || Conversation.isToolRole(role));
    }

    private static String readString(JsonRecordCursor cursor, JsonParser p, String field) throws IOException, ImportException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw JsonFields.wrongType(cursor, field, p.currentToken());
        }
        return p.getText();
    }

    private static String readScalar(JsonRecordCursor cursor, JsonParser p, String field) throws IOException, ImportException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (!t.isScalarValue()) {
            throw cursor.error(field, "must be a string or a list of text parts, found " + ImportErrors.describe(t));
        }
        return p.getText();
    }

    /** Joins the text of {@code [{type: "text", text}, ...]}; any other part type is an error. */
    private String readParts(JsonRecordCursor cursor, JsonParser p, String field) throws IOException, ImportException {
        parts.setLength(0);
        int j = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String partField = field + "[" + j + "]";
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                append(p.getText());
            } else if (t == JsonToken.START_OBJECT) {
                readPart(cursor, p, partField);
            } else {
                throw cursor.error(partField, "must be a text part {type: \"text\", text}, found "
                        + ImportErrors.describe(t));
            }
            j++;
        }
        return parts.toString();
    }

    private void readPart(JsonRecordCursor cursor, JsonParser p, String field) throws IOException, ImportException {
        String type = null;
        String text = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("type")) {
                type = readString(cursor, p, field + ".type");
            } else if (name.equals("text")) {
                text = readScalar(cursor, p, field + ".text");
            } else {
                p.skipChildren();
            }
        }
        boolean textType = type == null || type.equals("text") || type.equals("input_text") || type.equals("output_text");
        if (!textType) {
            throw cursor.error(field, "is a '" + type + "' part; only text parts can be imported");
        }
        if (text == null) {
            throw cursor.error(field, "is a text part without 'text'");
        }
        append(text);
    }

    private void append(String text) {
        if (!parts.isEmpty()) {
            parts.append('\n');
        }
        parts.append(text);
    }

}
