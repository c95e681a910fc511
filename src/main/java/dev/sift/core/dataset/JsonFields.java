package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads the value the parser stands on as text, checking its type.
 *
 * <p>Policy: the instruction (and every text that becomes it) must be a JSON string; a number or
 * boolean there almost always means a wrong column, so it is an error. Other text fields (input,
 * output, system, category, turns after the first) also accept numbers and booleans, kept as
 * their JSON text ({@code 42}, {@code true}), because answers like {@code "output": 42} occur in
 * math data. {@code null} is the empty string everywhere. Arrays and objects are errors.
 */
final class JsonFields {

    /**
     * Only for the rare values kept as JSON text (tool definitions, tool calls); created on first use,
     * since building a mapper loads hundreds of classes that most imports never need.
     */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    private JsonFields() {}

    /** A text field: string, number or boolean; null is empty. */
    static String text(JsonRecordCursor cursor, String field) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t != null && t.isScalarValue()) {
            return p.getText();
        }
        throw wrongType(cursor, field, t);
    }

    /** A field that must be a string (or null, read as empty). */
    static String string(JsonRecordCursor cursor, String field) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        throw wrongType(cursor, field, t);
    }

    /** The instruction: a non-blank string. */
    static String instruction(JsonRecordCursor cursor, String field) throws IOException, ImportException {
        String text = string(cursor, field);
        if (text.isBlank()) {
            throw cursor.error(field, emptyInstruction(cursor.parser().currentToken()));
        }
        return text;
    }

    static String emptyInstruction(JsonToken found) {
        return found == JsonToken.VALUE_NULL ? "is null; every record needs an instruction" : "is empty; every record needs an instruction";
    }

    /** A value kept as JSON text: a string as is, anything else written back as compact JSON. */
    static String jsonText(JsonRecordCursor cursor) throws IOException {
        JsonParser p = cursor.parser();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        return Mapper.INSTANCE.writeValueAsString(Mapper.INSTANCE.readTree(p));
    }

    /**
     * The value at the parser as text: a string as itself, null or an empty container as "", anything
     * else as compact JSON.
     */
    static String valueAsText(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return "";
        }
        JsonNode node = Mapper.INSTANCE.readTree(p);
        return node.isTextual() ? node.textValue() : node.isEmpty() ? "" : Mapper.INSTANCE.writeValueAsString(node);
    }

    /** Checks that the current token starts an array. */
    static void expectArray(JsonRecordCursor cursor, String field, String what) throws ImportException {
        JsonToken t = cursor.parser().currentToken();
        if (t != JsonToken.START_ARRAY) {
            throw cursor.error(field, "must be an array of " + what + ", found " + ImportErrors.describe(t));
        }
    }

    /** Checks that the current token starts an object. */
    static void expectObject(JsonRecordCursor cursor, String field, String what) throws ImportException {
        JsonToken t = cursor.parser().currentToken();
        if (t != JsonToken.START_OBJECT) {
            throw cursor.error(field, "must be " + what + ", found " + ImportErrors.describe(t));
        }
    }

    static ImportException wrongType(JsonRecordCursor cursor, String field, JsonToken found) {
        return cursor.error(field, "must be a string, found " + ImportErrors.describe(found));
    }
}
